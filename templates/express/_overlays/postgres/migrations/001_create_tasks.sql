CREATE TABLE tasks (
  id uuid PRIMARY KEY,
  -- insertion order, so tasks created in the same millisecond still list in order
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  done boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE INDEX tasks_created_at ON tasks (created_at, seq);
