/// The script a served page gets so it reloads itself when the site is rebuilt: it asks
/// `/__kubebook/wait?since=VERSION`, which answers when the site's version passes VERSION
/// (or after a while with the same one), and reloads on a new version; an answer that is not
/// 200 (the server busy) is asked again a second later, not taken for a change. Only served
/// pages carry it; the files on disk stay as `kubebook build` writes them.
public enum LiveReload {
  /// The path the script waits on.
  public static let waitPath = "/__kubebook/wait"

  /// `html` with the script before `</body>` (at the end when there is none), knowing the
  /// site is at `version`.
  public static func inject(into html: [UInt8], version: Int) -> [UInt8] {
    let script = Array(
      """
      <script>
      (function () {
        var version = \(version);
        function wait() {
          fetch("\(waitPath)?since=" + version, { cache: "no-store" })
            .then(function (response) {
              if (!response.ok) { throw new Error("busy"); }  // a 503 is no new version
              return response.text();
            })
            .then(function (text) {
              if (Number(text) !== version) { location.reload(); } else { wait(); }
            })
            .catch(function () { setTimeout(wait, 1000); });
        }
        wait();
      })();
      </script>

      """.utf8)
    let closing = Array("</body>".utf8)
    guard html.count >= closing.count,
      let at = stride(from: html.count - closing.count, through: 0, by: -1).first(where: {
        html[$0..<$0 + closing.count].elementsEqual(closing)
      })
    else { return html + script }
    return Array(html[..<at]) + script + Array(html[at...])
  }
}
