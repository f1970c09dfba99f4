import { builder } from '../builder.ts';
import { requireEditor } from '../plugins/authorization.ts';

// Placeholder removed below once the curation mutations exist.
builder.mutationField('ping', (t) =>
  t.boolean({ resolve: (_root, _args, context) => (requireEditor(context), true) }),
);
