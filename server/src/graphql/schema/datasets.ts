import { listDatasets } from '../../db/dataset-repository.ts';
import type { DatasetRecord } from '../../validation/records.ts';
import { builder } from '../builder.ts';

const Dataset = builder.objectRef<DatasetRecord>('Dataset').implement({
  description: 'A loaded dataset: where entities, relationships and sources came from.',
  fields: (t) => ({
    id: t.exposeID('id'),
    title: t.exposeString('title'),
    description: t.exposeString('description', { nullable: true }),
    license: t.exposeString('license', {
      nullable: true,
      description: 'The licence its data is under, as an SPDX id (CC-BY-4.0) where it has one.',
    }),
    version: t.exposeInt('version', { nullable: true }),
    requires: t.exposeStringList('requires', {
      description: 'Ids of the datasets whose entities and sources this one uses.',
    }),
  }),
});

builder.queryField('datasets', (t) =>
  t.field({
    type: [Dataset],
    description:
      'Every loaded dataset, by id: to credit the data and to filter by where it came from.',
    resolve: (_root, _args, { db }) => listDatasets(db),
  }),
);
