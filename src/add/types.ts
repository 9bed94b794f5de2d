// What a starter's resource generator (generators/<id>/resource.ts) gives the `add`
// command: its own reserved names and the plop action list for one resource.
import type { Resource } from './resource-model.js';

/** What `.create-backend.json` says about the project (src/add/record.ts). */
export interface ProjectFacts {
  framework: string;
  options: Readonly<Record<string, string | boolean>>;
}

/**
 * A plop action as `add` runs it: plop's own add/modify/append. The templates come from
 * the build's artifact (dist/templates/, `source` names one below `<id>/_resource/`),
 * rendered in `transform`; `anchor` is the line a file-template edit is inserted before.
 */
export type ResourceAction =
  | { type: 'add'; path: string; source: string; transform: () => Promise<string>; abortOnFail: true }
  | { type: 'modify'; path: string; pattern: RegExp; template: string; abortOnFail: true }
  | {
      type: 'modify';
      path: string;
      anchor: RegExp;
      source: string;
      /** The text inserted before the anchor. */
      render: () => Promise<string>;
      transform: (text: string) => Promise<string>;
      abortOnFail: true;
    }
  | { type: 'append'; path: string; pattern: RegExp; template: string; unique: false; abortOnFail: true };

export interface ResourceGenerator {
  framework: string;
  /** Resource names this starter already uses, with what each is. */
  reserved: Readonly<Record<string, string>>;
  /** Field names this starter's models cannot take (e.g. a model's own methods), with what each is. */
  reservedFields?: Readonly<Record<string, string>>;
  /** The URL path of the resource's collection, e.g. `/api/line-items`. */
  collectionPath(resource: Resource): string;
  /** Project-relative paths whose existence means the resource exists already. */
  existing(resource: Resource): string[];
  /** The actions, in order, for the project in `projectDir` (read, never written here). */
  actions(resource: Resource, project: ProjectFacts, projectDir: string): ResourceAction[];
}
