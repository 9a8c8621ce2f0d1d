/**
 * What a Proxy's `get` should return for a member it does not replace: the target's own, with
 * methods bound to the target, since Kysely's and the drivers' classes keep `#private` state that a
 * call through the proxy could not reach.
 */
export function boundMember(target: object, property: string | symbol): unknown {
  const value = Reflect.get(target, property, target);
  return typeof value === 'function' ? value.bind(target) : value;
}
