// What a starter's resource generator (generators/<id>/resource.ts) gives the `add`
// command: its own reserved names and the plop action list for one resource.
import type { Resource } from './resource-model.js';

/** What `.create-backend.json` says about the project (src/add/record.ts). */
export interface ProjectFacts {
  framework: string;
  options: Readonly<Record<string, string | boolean>>;
}

/** A plop action as `add` runs it: plop's own add/modify/append, nothing else. */
export type ResourceAction =
  | { type: 'add'; path: string; templateFile: string; data: Record<string, unknown>; abortOnFail: true }
  | { type: 'modify'; path: string; pattern: RegExp; template: string; data: Record<string, unknown>; abortOnFail: true }
  | { type: 'modify'; path: string; pattern: RegExp; templateFile: string; data: Record<string, unknown>; abortOnFail: true }
  | { type: 'append'; path: string; pattern: RegExp; template: string; data: Record<string, unknown>; unique: false; abortOnFail: true };

export interface ResourceGenerator {
  framework: string;
  /** Resource names this starter already uses, with what each is. */
  reserved: Readonly<Record<string, string>>;
  /** Project-relative paths whose existence means the resource exists already. */
  existing(resource: Resource): string[];
  /** The actions, in order, for the project in `projectDir` (read, never written here). */
  actions(resource: Resource, project: ProjectFacts, projectDir: string): ResourceAction[];
}
