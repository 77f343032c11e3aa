import Testing

@testable import KubeSim

/// Pruning and validation of custom objects against a structural schema, on cases from
/// k8s.io/apiextensions-apiserver v0.32.4 `pkg/apiserver/schema/pruning/algorithm_test.go`
/// (`TestPrune`) and kube-openapi's type errors as the brief of issue 16 quotes them.
@Suite struct CustomResourceSchemaTests {
  /// `{}` with the given properties.
  static func object(_ pairs: [(String, JSONValue)]) -> JSONValue { .object(pairs) }

  /// TestPrune's "object array object": properties named by the schema stay, the others go,
  /// inside arrays' items too; the pruned paths as the algorithm names them.
  @Test func objectArrayObject() {
    let properties = Self.object([("a", .object([])), ("c", .object([]))])
    let schema = CustomResourceSchema(
      Self.object([
        (
          "properties",
          Self.object([
            ("array", Self.object([("items", Self.object([("properties", properties)]))])),
            ("specified", Self.object([("properties", properties)])),
          ])
        )
      ]))
    let input = Self.object([
      (
        "array",
        .array([
          Self.object([("a", .int(1))]), Self.object([("b", .int(1))]),
          Self.object([("a", .int(1)), ("b", .int(2)), ("c", .int(3))]),
        ])
      ),
      ("unspecified", Self.object([("a", .int(1))])),
      ("specified", Self.object([("a", .int(1)), ("b", .int(2)), ("c", .int(3))])),
    ])
    let (pruned, paths) = schema.prune(object: input)
    #expect(
      pruned
        == Self.object([
          (
            "array",
            .array([
              Self.object([("a", .int(1))]), Self.object([]), Self.object([("a", .int(1)), ("c", .int(3))]),
            ])
          ),
          ("specified", Self.object([("a", .int(1)), ("c", .int(3))])),
        ]))
    #expect(paths.sorted() == ["array[1].b", "array[2].b", "specified.b", "unspecified"])
  }

  /// x-kubernetes-preserve-unknown-fields keeps the unknown fields of its node (not below a
  /// property that does not preserve them), and the root's apiVersion, kind and metadata stay.
  @Test func preserveUnknownFields() {
    let schema = CustomResourceSchema(
      Self.object([
        ("type", .string("object")), ("x-kubernetes-preserve-unknown-fields", .bool(true)),
        (
          "properties",
          Self.object([("pruning", Self.object([("type", .string("object"))]))])
        ),
      ]))
    let input = Self.object([
      ("apiVersion", .string("example.com/v1")), ("kind", .string("Gadget")),
      ("metadata", Self.object([("name", .string("g"))])), ("unspecified", .string("bar")),
      ("pruning", Self.object([("unspecified", .string("bar"))])),
    ])
    let (pruned, paths) = schema.prune(object: input)
    #expect(
      pruned
        == Self.object([
          ("apiVersion", .string("example.com/v1")), ("kind", .string("Gadget")),
          ("metadata", Self.object([("name", .string("g"))])), ("unspecified", .string("bar")),
          ("pruning", Self.object([])),
        ]))
    #expect(paths == ["pruning.unspecified"])
  }

  /// A wrong type is a `TypeInvalid` naming the value's type; required properties and enums
  /// are checked below it.
  @Test func validation() {
    let schema = CustomResourceSchema(
      Self.object([
        (
          "properties",
          Self.object([
            (
              "spec",
              Self.object([
                ("type", .string("object")), ("required", .array([.string("image")])),
                (
                  "properties",
                  Self.object([
                    ("replicas", Self.object([("type", .string("integer"))])),
                    ("image", Self.object([("type", .string("string"))])),
                    (
                      "size",
                      Self.object([("type", .string("string")), ("enum", .array([.string("S"), .string("M")]))])
                    ),
                  ])
                ),
              ])
            )
          ])
        )
      ]))
    let errors = schema.validate(
      object: Self.object([("spec", Self.object([("replicas", .string("two")), ("size", .string("XL"))]))]))
    // kube-openapi reports errors in no fixed order: compared as a set.
    #expect(
      Set(errors.map(\.message)) == [
        "spec.replicas: Invalid value: \"string\": spec.replicas in body must be of type integer: \"string\"",
        "spec.image: Required value",
        "spec.size: Unsupported value: \"XL\": supported values: \"S\", \"M\"",
      ])
    #expect(schema.validate(object: Self.object([("spec", Self.object([("image", .string("x"))]))])).isEmpty)
  }
}
