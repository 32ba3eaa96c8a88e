CREATE TYPE order_state AS ENUM ('open', 'paid');
CREATE TABLE orders (
  id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  member_id bigint NOT NULL REFERENCES members (id),
  state     order_state NOT NULL DEFAULT 'open'
);
