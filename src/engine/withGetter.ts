/**
 * `fields` as a new object whose property `key` is an enumerable getter (`get`), the other
 * properties plain data, in the same order. Made from property descriptors so that it keeps
 * V8's fast properties: `Object.defineProperty` of a getter on an object literal turns it into
 * a dictionary, and then every `buildings.lon[i]` in a loop over a million buildings is a
 * hash lookup (measured: seconds of CPU in `analyze` at 1M buildings).
 */
export function withGetter<T extends object, K extends keyof T>(fields: T, key: K, get: () => T[K]): T {
  const props: PropertyDescriptorMap = {};
  for (const k of Object.keys(fields)) {
    props[k] = k === key ? { get, enumerable: true } : { value: fields[k as keyof T], writable: true, enumerable: true, configurable: true };
  }
  return Object.create(Object.prototype, props) as T;
}
