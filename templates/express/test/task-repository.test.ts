import { describe, expect, it } from 'vitest';
import { testDatabase } from './support/database.js';

// The repository against the real database (test/support/database.ts), below the routes.
describe('TaskRepository', () => {
  it('starts from a migrated, empty database', async () => {
    const database = await testDatabase();
    expect(database.applied).toEqual(['001_create_tasks']);
    expect(await database.tasks.list()).toEqual([]);
  });

  it('lists tasks in the order they were created, with booleans and ISO timestamps', async () => {
    const { tasks } = await testDatabase();
    const titles = ['first', 'second', 'third', 'fourth'];
    for (const title of titles) await tasks.create({ title, done: title === 'second' });
    const listed = await tasks.list();
    expect(listed.map((task) => task.title)).toEqual(titles);
    expect(listed.map((task) => task.done)).toEqual([false, true, false, false]);
    expect(new Date(listed[0]!.createdAt).toISOString()).toBe(listed[0]!.createdAt);
  });

  it('changes only the fields given, and moves updatedAt', async () => {
    const { tasks } = await testDatabase();
    const task = await tasks.create({ title: 'Original', done: false });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const updated = await tasks.update(task.id, { done: true });
    expect(updated).toMatchObject({ id: task.id, title: 'Original', done: true, createdAt: task.createdAt });
    expect(updated!.updatedAt > task.updatedAt).toBe(true);
    expect(await tasks.update(task.id, { title: 'Renamed' })).toMatchObject({ title: 'Renamed', done: true });
  });

  it.each(['00000000-0000-4000-8000-000000000000', 'not-a-uuid', "x' OR '1'='1"])('finds no task with id %j', async (id) => {
    const { tasks } = await testDatabase();
    await tasks.create({ title: 'Present', done: false });
    expect(await tasks.get(id)).toBeUndefined();
    expect(await tasks.update(id, { done: true })).toBeUndefined();
    expect(await tasks.delete(id)).toBe(false);
    expect(await tasks.list()).toHaveLength(1);
  });

  it('stores titles as given, quotes included', async () => {
    const { tasks } = await testDatabase();
    const title = `Robert'); DROP TABLE tasks;-- "quoted" \\ ☃`;
    const task = await tasks.create({ title, done: false });
    expect((await tasks.get(task.id))?.title).toBe(title);
  });

  it('refuses an empty title at the database too (a CHECK constraint)', async () => {
    const { tasks } = await testDatabase();
    await expect(tasks.create({ title: '', done: false })).rejects.toThrow(/CHECK|check constraint/i);
  });
});
