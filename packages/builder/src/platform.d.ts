// Platform globals the library uses that are not in the ES lib (Node ≥ 17, every browser).
declare function structuredClone<T>(value: T): T;
