import { builder } from '../builder.ts';
import type { Role } from '../context.ts';

const ROLE_INFO: Record<Role, string> = {
  anonymous: 'No token was sent: the API can be read',
  editor: 'The token is an editor’s: the curator mutations are open',
  'unknown-token': 'A token was sent that is no editor’s: the API can be read',
};

const RoleEnum = builder.enumType('Role', {
  values: Object.fromEntries(
    Object.entries(ROLE_INFO).map(([role, description]) => [
      role.replace('-', '_').toUpperCase(),
      { value: role, description },
    ]),
  ) as Record<string, { value: Role }>,
});

const Viewer = builder.objectRef<{ role: Role; editor?: string }>('Viewer').implement({
  description: 'Who the caller is, from the bearer token it sent.',
  fields: (t) => ({
    role: t.field({ type: RoleEnum, resolve: (viewer) => viewer.role }),
    editor: t.string({
      nullable: true,
      description: 'The editor’s name, as revisions record it',
      resolve: (viewer) => viewer.editor ?? null,
    }),
  }),
});

builder.queryField('viewer', (t) =>
  t.field({
    type: Viewer,
    description: 'The caller’s role: the explorer asks it to check an editor’s token at sign-in.',
    resolve: (_root, _args, { role, editor }) => ({ role, editor }),
  }),
);
