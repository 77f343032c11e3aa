import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// `kubectl get --sort-by`: kubectl's `TestSortingPrinter` table (`pkg/cmd/get/sorter_test.go`,
/// its unstructured form: what the table rows and lists hold), and the flag in `get`.
@Suite struct SortByTests {
  /// An object with `value` at `path` (nil: an object without it).
  static func object(_ path: [String], _ value: JSONValue?) -> JSONValue {
    guard let value else { return .object([("kind", .string("Pod"))]) }
    var nested = value
    for key in path.reversed() { nested = .object([(key, nested)]) }
    return nested
  }

  /// A pod whose first container requests `quantity` of `resource` (empty: nothing).
  static func containerRequest(_ resource: String, _ quantity: String) -> JSONValue {
    let requests: JSONValue = quantity.isEmpty ? .object([]) : .object([(resource, .string(quantity))])
    return .object([
      ("spec", .object([("containers", .array([.object([("resources", .object([("requests", requests)]))])]))]))
    ])
  }

  /// `objects` in `--sort-by` order for a list.
  static func sorted(_ objects: [JSONValue], _ field: String) throws -> [JSONValue] {
    try SortBy.order(objects, by: field, target: .list).map { objects[$0] }
  }

  /// `TestSortingPrinter`'s cases.
  @Test func sortingPrinterTable() throws {
    let names = ["b", "c", "a"].map { Self.object(["metadata", "name"], .string($0)) }
    #expect(
      try Self.sorted(names, "{.metadata.name}")
        == ["a", "b", "c"].map { Self.object(["metadata", "name"], .string($0)) })
    #expect(try Self.sorted([], "{.metadata.name}") == [])
    // metav1.Unix(300, 0), (100, 0), (200, 0) as the API writes them.
    let times = ["1970-01-01T00:05:00Z", "1970-01-01T00:01:40Z", "1970-01-01T00:03:20Z"].map {
      Self.object(["metadata", "creationTimestamp"], .string($0))
    }
    #expect(try Self.sorted(times, "{.metadata.creationTimestamp}") == [times[1], times[2], times[0]])
    let replicas = [5, 1, 9].map { Self.object(["spec", "replicas"], .int($0)) }
    #expect(try Self.sorted(replicas, "{.spec.replicas}") == [replicas[1], replicas[0], replicas[2]])
    let available = [
      Self.object(["status", "availableReplicas"], .int(2)), Self.object(["status"], .object([])),
      Self.object(["status", "availableReplicas"], .int(1)),
    ]
    #expect(try Self.sorted(available, "{.status.availableReplicas}") == [available[1], available[2], available[0]])
    let none = [Self.object(["status", "replicas"], .int(0)), Self.object(["status", "replicas"], .int(0))]
    #expect(throws: KubectlError.self) { try Self.sorted(none, "{.status.availableReplicas}") }
    do {
      _ = try SortBy.order(none, by: "{.invalid}", target: .list)
      Issue.record("expected an error")
    } catch {
      #expect(error.text == "error: couldn't find any field with path \"{.invalid}\" in the list of objects")
    }
    let events = [
      Self.object(["lastTimestamp"], .string("1970-01-01T00:05:00Z")), Self.object(["metadata", "name"], .string("x")),
    ]
    #expect(try Self.sorted(events, "{.lastTimestamp}") == [events[1], events[0]])
    let cpu = ["0.5", "10", "100m", ""].map { Self.containerRequest("cpu", $0) }
    #expect(
      try Self.sorted(cpu, "{.spec.containers[].resources.requests.cpu}") == [cpu[3], cpu[2], cpu[0], cpu[1]])
    let memory = ["128Mi", "10Ei", "8Ti", "64Gi", "55Pi", "2Ki", ""].map { Self.containerRequest("memory", $0) }
    #expect(
      try Self.sorted(memory, "{.spec.containers[].resources.requests.memory}")
        == [memory[6], memory[5], memory[0], memory[3], memory[2], memory[4], memory[1]])
  }

  /// sortorder's natural order: numbers inside names compare by value.
  @Test func naturalOrder() {
    #expect(SortBy.naturalLess("web-2", "web-10"))
    #expect(!SortBy.naturalLess("web-10", "web-2"))
    #expect(SortBy.naturalLess("a", "b"))
    #expect(SortBy.naturalLess("1", "a"))
    #expect(SortBy.naturalLess("a01", "a1") == false && SortBy.naturalLess("a1", "a01"))
  }

  /// The flag in `get`: tables, lists and names come out in the order of the path's values;
  /// a path no object has fails with kubectl's message.
  @Test func getSortBy() {
    var terminal = Terminal()
    for (name, image) in [("web-10", "nginx:1.25"), ("web-2", "busybox"), ("api", "redis")] {
      _ = terminal.run("kubectl run \(name) --image=\(image)")
    }
    #expect(
      terminal.run("kubectl get pods --sort-by=.metadata.name -o name").output == "pod/api\npod/web-2\npod/web-10\n")
    #expect(
      terminal.run("kubectl get pods --sort-by='{.spec.containers[0].image}' -o jsonpath='{.items[*].metadata.name}'")
        .output == "web-2 web-10 api")
    let table = terminal.run("kubectl get pods --sort-by=.metadata.name --no-headers").output
    #expect(table.split(separator: "\n").map { $0.split(separator: " ")[0] } == ["api", "web-2", "web-10"])
    #expect(
      terminal.run("kubectl get pods --sort-by=.spec.nope").output
        == "error: couldn't find any field with path \"{.spec.nope}\" in the list of objects\n")
  }
}
