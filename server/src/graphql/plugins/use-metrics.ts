import type { Plugin } from 'graphql-yoga';
import type { Metrics } from '../metrics.ts';

/** `/metrics`: the server's metrics in Prometheus's text format, for a scraper to read. */
export function useMetrics(metrics: Metrics): Plugin {
  return {
    onRequest({ url, fetchAPI, endResponse }) {
      if (url.pathname !== '/metrics') return;
      return metrics.registry.metrics().then((text) =>
        endResponse(
          new fetchAPI.Response(text, {
            status: 200,
            headers: { 'content-type': metrics.registry.contentType },
          }),
        ),
      );
    },
  };
}
