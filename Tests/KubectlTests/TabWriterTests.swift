import Testing

@testable import Kubectl

/// Layouts from `docs/reference/kubectl-output.md` §4 (computed there with the tabwriter rules of §1).
@Suite struct TabWriterTests {
  @Test func getPodsLayout() {
    let rows = [
      ["NAME", "READY", "STATUS", "RESTARTS", "AGE"],
      ["nginx-7854ff8877-5x2kq", "1/1", "Running", "0", "2m10s"],
      ["nginx-7854ff8877-8m4tq", "1/1", "Running", "2 (45s ago)", "2m10s"],
      ["nginx-7854ff8877-zr7vd", "0/1", "ContainerCreating", "0", "3s"],
    ]
    let expected = """
      NAME                     READY   STATUS              RESTARTS      AGE
      nginx-7854ff8877-5x2kq   1/1     Running             0             2m10s
      nginx-7854ff8877-8m4tq   1/1     Running             2 (45s ago)   2m10s
      nginx-7854ff8877-zr7vd   0/1     ContainerCreating   0             3s

      """
    #expect(TabWriter.get.format(rows) == expected)
  }

  @Test func minimumWidthIsSixIncludingPadding() {
    let expected = """
      NAME    READY   UP-TO-DATE   AVAILABLE   AGE
      nginx   3/3     3            3           2m10s

      """
    let rows = [["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"], ["nginx", "3/3", "3", "3", "2m10s"]]
    #expect(TabWriter.get.format(rows) == expected)
  }

  @Test func widthsCountUnicodeScalarsNotBytes() {
    let rows = [["NAME", "X"], ["宿舍", "y"]]
    #expect(TabWriter.get.format(rows) == "NAME   X\n宿舍     y\n")
  }

  @Test func rememberedWidthsNeverShrink() {
    let writer = TabWriter.get
    let first = writer.widths(of: [["NAME", "STATUS", "AGE"], ["a", "ContainerCreating", "0s"]])
    let second = writer.widths(of: [["a", "Running", "2s"]], remembered: first)
    #expect(second == first)
  }
}
