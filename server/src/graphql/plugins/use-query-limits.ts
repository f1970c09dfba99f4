import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { costLimitPlugin } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import type { Plugin } from 'graphql-yoga';

/** The limits a public endpoint needs; each refusal names the limit and the value. */
export const QUERY_LIMITS = {
  depth: 12,
  cost: 10_000,
  aliases: 10,
  tokens: 3_000,
};

export function useQueryLimits(options: { hideSuggestions: boolean }): Plugin[] {
  const plugins: Plugin[] = [
    maxDepthPlugin({ n: QUERY_LIMITS.depth, exposeLimits: true, flattenFragments: true }) as Plugin,
    costLimitPlugin({ maxCost: QUERY_LIMITS.cost, exposeLimits: true }) as Plugin,
    maxAliasesPlugin({ n: QUERY_LIMITS.aliases, exposeLimits: true }) as Plugin,
    maxTokensPlugin({ n: QUERY_LIMITS.tokens, exposeLimits: true }) as Plugin,
  ];
  if (options.hideSuggestions) plugins.push(blockFieldSuggestionsPlugin() as Plugin);
  return plugins;
}
