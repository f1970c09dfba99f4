import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { complexityFromQuery } from '@pothos/plugin-complexity';
import { type DocumentNode, GraphQLError, Kind, type OperationDefinitionNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { userError } from '../errors.ts';
import type { ChargeCost } from './use-rate-limits.ts';

/** The limits a public endpoint needs; each refusal names the limit and the value. */
export const QUERY_LIMITS = {
  depth: 12,
  /** Fields times the objects each list can hold (server/src/graphql/cost.ts). */
  cost: 200_000,
  aliases: 10,
  tokens: 3_000,
};

/** The operation a request runs, with the fragments it may spread; none when it names no single one. */
function selectedOperation(
  document: DocumentNode,
  operationName?: string | null,
): DocumentNode | null {
  const operations = document.definitions.filter(
    (def): def is OperationDefinitionNode => def.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = operationName
    ? operations.find((def) => def.name?.value === operationName)
    : operations.length === 1
      ? operations[0]
      : undefined;
  if (!operation) return null;
  const fragments = document.definitions.filter((def) => def.kind === Kind.FRAGMENT_DEFINITION);
  return { kind: Kind.DOCUMENT, definitions: [operation, ...fragments] };
}

/**
 * Refuses a query whose cost is over the limit before any resolver runs, and charges the cost of
 * one within it to its client's budget. The cost depends on the variables (`first: $n`), so it is
 * computed for every request rather than cached with the document's validation — by walking the
 * chosen operation's selections alone, not by a second validation pass over the whole document.
 */
function useQueryCost(maxCost: number, chargeCost: ChargeCost): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      // An unknown or ambiguous operation, or variables that do not fit their types, are left
      // to execution, which refuses them before any resolver runs.
      const operation = selectedOperation(args.document, args.operationName);
      if (!operation) return;
      let complexity: number;
      try {
        complexity = complexityFromQuery(operation, {
          schema: args.schema,
          ctx: args.contextValue as object,
          variables: (args.variableValues ?? {}) as Record<string, unknown>,
        }).complexity;
      } catch (error) {
        if (error instanceof GraphQLError) return;
        throw error;
      }
      if (complexity <= maxCost) {
        return chargeCost(args.contextValue as object, complexity).then((refusal) => {
          if (refusal) setResultAndStopExecution({ errors: [refusal] });
        });
      }
      setResultAndStopExecution({
        errors: [
          userError(
            'COST_LIMIT',
            `Query cost limit of ${maxCost} exceeded, found ${complexity}: ask for smaller pages (first, limit, ids) or fewer nested lists.`,
            { cost: { max: maxCost, found: complexity } },
          ),
        ],
      });
    },
  };
}

export interface QueryLimitsOptions {
  /** Leave "did you mean" suggestions out of validation errors (they map the schema). */
  hideSuggestions: boolean;
  /** Charges each request's cost to its client (use-rate-limits.ts). */
  chargeCost: ChargeCost;
}

/** Depth, aliases, tokens and cost of one request, each refused with its limit named. */
export function useQueryLimits(options: QueryLimitsOptions): Plugin {
  return {
    onPluginInit({ addPlugin }) {
      addPlugin(
        maxDepthPlugin({
          n: QUERY_LIMITS.depth,
          exposeLimits: true,
          flattenFragments: true,
        }) as Plugin,
      );
      addPlugin(maxAliasesPlugin({ n: QUERY_LIMITS.aliases, exposeLimits: true }) as Plugin);
      addPlugin(maxTokensPlugin({ n: QUERY_LIMITS.tokens, exposeLimits: true }) as Plugin);
      addPlugin(useQueryCost(QUERY_LIMITS.cost, options.chargeCost));
      if (options.hideSuggestions) addPlugin(blockFieldSuggestionsPlugin() as Plugin);
    },
  };
}
