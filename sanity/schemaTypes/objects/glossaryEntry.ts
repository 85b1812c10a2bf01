import { defineField, defineType } from 'sanity';

/** A term and how each script writes it: conversion uses it instead of OpenCC's guess. */
export const glossaryEntry = defineType({
  name: 'glossaryEntry',
  title: 'Glossary entry',
  type: 'object',
  fields: [
    defineField({ name: 'zhHans', title: '简体', type: 'string', validation: (r) => r.required().error('Write the term in Simplified.') }),
    defineField({ name: 'zhHant', title: '繁體', type: 'string', validation: (r) => r.required().error('Write the term in Traditional.') }),
    defineField({ name: 'note', title: 'Note for editors', type: 'string' }),
  ],
  preview: { select: { title: 'zhHans', subtitle: 'zhHant' } },
});
