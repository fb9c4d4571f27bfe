-- The sample "shop" schema of the embedded development database. Run once, as the owner,
-- in the database "shop". Statements are separated by lines that hold only ";;".
CREATE TABLE customers (
    id         integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       text NOT NULL,
    email      text NOT NULL UNIQUE,
    country    text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
)
;;
CREATE TABLE products (
    id       integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sku      text NOT NULL UNIQUE,
    name     text NOT NULL,
    category text NOT NULL,
    price    numeric(10, 2) NOT NULL CHECK (price >= 0),
    in_stock integer NOT NULL DEFAULT 0
)
;;
CREATE TABLE orders (
    id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id integer NOT NULL REFERENCES customers (id),
    ordered_at  timestamptz NOT NULL,
    status      text NOT NULL CHECK (status IN ('pending', 'paid', 'shipped', 'cancelled'))
)
;;
CREATE TABLE order_items (
    order_id   integer NOT NULL REFERENCES orders (id),
    product_id integer NOT NULL REFERENCES products (id),
    quantity   integer NOT NULL CHECK (quantity > 0),
    unit_price numeric(10, 2) NOT NULL,
    PRIMARY KEY (order_id, product_id)
)
;;
CREATE VIEW order_totals AS
SELECT o.id AS order_id, o.customer_id, o.status, o.ordered_at, sum(i.quantity * i.unit_price) AS total
FROM orders o JOIN order_items i ON i.order_id = o.id
GROUP BY o.id
;;
COMMENT ON SCHEMA public IS 'Sample shop data for trying the MCP tools'
;;
COMMENT ON TABLE customers IS 'People who have an account in the shop'
;;
COMMENT ON COLUMN customers.email IS 'Login and contact address; unique'
;;
COMMENT ON COLUMN customers.country IS 'ISO 3166-1 alpha-2 country code'
;;
COMMENT ON TABLE products IS 'Items for sale'
;;
COMMENT ON COLUMN products.sku IS 'Stock keeping unit, printed on the label'
;;
COMMENT ON COLUMN products.price IS 'Current unit price in EUR'
;;
COMMENT ON COLUMN products.in_stock IS 'Units currently in the warehouse'
;;
COMMENT ON TABLE orders IS 'One checkout by one customer'
;;
COMMENT ON COLUMN orders.status IS 'pending, paid, shipped or cancelled'
;;
COMMENT ON TABLE order_items IS 'Lines of an order: which product, how many, at what price'
;;
COMMENT ON COLUMN order_items.unit_price IS 'Price per unit when the order was placed'
;;
COMMENT ON VIEW order_totals IS 'Order value: sum of quantity times unit price'
;;
INSERT INTO customers (name, email, country, created_at) VALUES
    ('Ada Lovelace',     'ada@example.com',      'GB', '2024-01-05 09:00+00'),
    ('Grace Hopper',     'grace@example.com',    'US', '2024-01-20 14:30+00'),
    ('Alan Turing',      'alan@example.com',     'GB', '2024-02-11 08:15+00'),
    ('Edsger Dijkstra',  'edsger@example.com',   'NL', '2024-03-02 17:45+00'),
    ('Barbara Liskov',   'barbara@example.com',  'US', '2024-03-18 11:00+00'),
    ('Donald Knuth',     'don@example.com',      'US', '2024-04-09 10:20+00'),
    ('Margaret Hamilton','margaret@example.com', 'US', '2024-05-23 16:05+00'),
    ('Niklaus Wirth',    'niklaus@example.com',  'CH', '2024-06-14 07:50+00'),
    ('Frances Allen',    'frances@example.com',  'US', '2024-07-01 13:10+00'),
    ('Tony Hoare',       'tony@example.com',     'GB', '2024-08-27 12:00+00')
;;
INSERT INTO products (sku, name, category, price, in_stock) VALUES
    ('KB-001', 'Mechanical keyboard',     'peripherals', 89.00, 25),
    ('MS-002', 'Wireless mouse',          'peripherals', 29.50, 80),
    ('MN-003', '27-inch monitor',         'displays',   249.00, 12),
    ('MN-004', 'Portable monitor',        'displays',   159.00,  7),
    ('CB-005', 'USB-C cable (2 m)',       'cables',       9.90, 300),
    ('CB-006', 'HDMI cable (1.5 m)',      'cables',       7.50, 220),
    ('HS-007', 'Noise-cancelling headset','audio',      129.00, 18),
    ('SP-008', 'Desk speakers',           'audio',       59.00, 30),
    ('DK-009', 'Docking station',         'peripherals',179.00,  9),
    ('WC-010', 'HD webcam',               'video',       49.90, 40),
    ('LS-011', 'Laptop stand',            'furniture',   39.00, 55),
    ('CH-012', 'Ergonomic chair',         'furniture',  399.00,  4)
;;
INSERT INTO orders (customer_id, ordered_at, status)
SELECT 1 + (g * 7) % 10,
       timestamptz '2025-01-01 00:00+00' + g * interval '29 hours',
       (ARRAY['pending', 'paid', 'shipped', 'cancelled'])[1 + g % 4]
FROM generate_series(0, 39) AS g
;;
INSERT INTO order_items (order_id, product_id, quantity, unit_price)
SELECT o.id, p.id, 1 + (o.id + k) % 3, p.price
FROM orders o
CROSS JOIN generate_series(0, 1) AS k
JOIN products p ON p.id = 1 + (o.id * 5 + k) % 12
