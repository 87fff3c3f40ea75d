// Makes happy-dom's Node.prototype.nodeName answer as browsers do. happy-dom defines nodeName on each node class
// and leaves Node.prototype's getter returning '', while DOMPurify reads nodeName through the getter it caches from
// Node.prototype: without this, DOMPurify sees every node as nameless and its results in tests are wrong (and
// render-message, which checks its sanitizer, falls back to escaping everything). Call before rendering.

export function useBrowserNodeName(): void {
  const base = Object.getOwnPropertyDescriptor(Node.prototype, 'nodeName');
  if (!base?.get || (base.get as { browserLike?: true }).browserLike) return;
  const baseGet = base.get;
  const get = function (this: Node): string {
    for (let proto = Object.getPrototypeOf(this); proto && proto !== Node.prototype; proto = Object.getPrototypeOf(proto)) {
      const own = Object.getOwnPropertyDescriptor(proto, 'nodeName');
      if (own?.get) return own.get.call(this) as string;
    }
    return baseGet.call(this) as string;
  };
  Object.assign(get, { browserLike: true });
  Object.defineProperty(Node.prototype, 'nodeName', { configurable: true, enumerable: base.enumerable, get });
}
