import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { createComplexityRule } from '@pothos/plugin-complexity';
import { validate } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { userError } from '../errors.ts';

/** The limits a public endpoint needs; each refusal names the limit and the value. */
export const QUERY_LIMITS = {
  depth: 12,
  /** Fields times the objects each list can hold (server/src/graphql/cost.ts). */
  cost: 200_000,
  aliases: 10,
  tokens: 3_000,
};

/**
 * Refuses a query whose cost is over the limit before any resolver runs. The cost depends on
 * the variables (`first: $n`), so it is computed for every request rather than cached with the
 * document's validation.
 */
function useQueryCost(maxCost: number): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const rule = createComplexityRule({
        context: args.contextValue as object,
        variableValues: (args.variableValues ?? {}) as Record<string, unknown>,
        operationName: args.operationName,
        validate: ({ complexity }, report) => {
          if (complexity <= maxCost) return;
          report(
            userError(
              'COST_LIMIT',
              `Query cost limit of ${maxCost} exceeded, found ${complexity}: ask for smaller pages (first, limit, ids) or fewer nested lists.`,
              { cost: { max: maxCost, found: complexity } },
            ),
          );
        },
      });
      const errors = validate(args.schema, args.document, [rule]);
      if (errors.length > 0) setResultAndStopExecution({ errors });
    },
  };
}

export function useQueryLimits(options: { hideSuggestions: boolean }): Plugin[] {
  const plugins: Plugin[] = [
    maxDepthPlugin({ n: QUERY_LIMITS.depth, exposeLimits: true, flattenFragments: true }) as Plugin,
    maxAliasesPlugin({ n: QUERY_LIMITS.aliases, exposeLimits: true }) as Plugin,
    maxTokensPlugin({ n: QUERY_LIMITS.tokens, exposeLimits: true }) as Plugin,
    useQueryCost(QUERY_LIMITS.cost),
  ];
  if (options.hideSuggestions) plugins.push(blockFieldSuggestionsPlugin() as Plugin);
  return plugins;
}
