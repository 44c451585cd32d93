/** The hosts' shared kit: the component model, running components, HTTP and tokens, and the catalog. */
export * from "./state";
export * from "./props";
export * from "./http";
export * from "./instance";
export * from "./run";
export * from "./transport";
export * as catalog from "./catalog";
export * from "./describe";
export * from "./records";
