/**
 * Statements prepared once per connection, at first use: hot paths run them many times (preparing costs more
 * than running), and a closed connection's statements are dropped with it (the cache is keyed weakly).
 */
export function preparedPer<Key extends object, Statements>(
  build: (key: Key) => Statements,
): (key: Key) => Statements {
  const cache = new WeakMap<Key, Statements>();
  return (key) => {
    let found = cache.get(key);
    if (found === undefined) {
      found = build(key);
      cache.set(key, found);
    }
    return found;
  };
}
