/// The files `kubebook init` writes: `kubebook.toml`, `SUMMARY.md`, a first lesson with a
/// `file=` manifest and a checked scenario, and a GitHub Actions workflow that checks and
/// builds the course. Pure: the caller writes them.
public enum StarterCourse {
  /// The languages `init` has a starter course in.
  public static let languages = ["en", "zh-CN"]

  /// The starter files for `language` (one of ``languages``), by path, in writing order.
  public static func files(language: String) -> [(path: String, text: String)] {
    let chinese = SiteStrings.usesChineseTable(language)
    return [
      ("kubebook.toml", config(language: language, chinese: chinese)),
      ("SUMMARY.md", chinese ? "# 我的 Kubernetes 课程\n\n- [第一课：Deployment](first-lesson.md)\n" : summaryEnglish),
      ("first-lesson.md", chinese ? lessonChinese : lessonEnglish),
      (".github/workflows/kubebook.yml", workflow),
    ]
  }

  /// `kubebook.toml` with every key, the optional ones commented out.
  static func config(language: String, chinese: Bool) -> String {
    let title = chinese ? "我的 Kubernetes 课程" : "My Kubernetes course"
    let description =
      chinese ? "在模拟集群上检查过每一条命令的 Kubernetes 课程。" : "A Kubernetes course whose every command is checked."
    return """
      # kubebook's configuration: every key is optional (see kubebook's README).
      title = "\(title)"
      description = "\(description)"
      authors = []
      language = "\(language)"

      [cluster]
      # The worker nodes and the name seed of every fresh cluster (a block's nodes= and seed= win).
      workers = 2
      seed = 1

      [site]
      # base-url = "https://example.org/course/"   # canonical links, og:url and sitemap.xml
      # repository = "https://github.com/OWNER/REPO"
      # edit-url-template = "https://github.com/OWNER/REPO/edit/main/{path}"
      # theme = "theme"   # page.mustache, style.css and files copied into the site

      # [strings]
      # search-placeholder = "\(chinese ? "搜索（按 s）" : "Search (press s)")"

      """
  }

  static let summaryEnglish = """
    # My Kubernetes course

    - [First lesson: a Deployment](first-lesson.md)

    """

  static let manifest = """
    ```yaml file=web.yaml
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
    spec:
      replicas: 2
      selector:
        matchLabels:
          app: web
      template:
        metadata:
          labels:
            app: web
        spec:
          containers:
          - name: nginx
            image: nginx:1.27
    ```
    """

  static let scenario = """
    ```scenario
    $ kubectl apply -f web.yaml
    deployment.apps/web created
    $ kubectl rollout status deployment/web
    Waiting for deployment "web" rollout to finish: 0 of 2 updated replicas are available...
    ...
    deployment "web" successfully rolled out
    $ kubectl get deployment web
    NAME   READY   UP-TO-DATE   AVAILABLE   AGE
    web    2/2     2            2           [..]
    ```
    """

  static let lessonEnglish = """
    # First lesson: a Deployment

    A Deployment keeps a number of identical pods running. This is its manifest; kubebook
    saves it as `web.yaml` for the commands below.

    \(manifest)

    Apply it and wait for the rollout. kubebook runs these commands on a simulated cluster
    and checks their output: `kubebook check` fails when the lesson and the cluster disagree.

    \(scenario)

    """

  static let lessonChinese = """
    # 第一课：Deployment

    Deployment 让一组相同的 Pod 一直运行。这是它的清单，kubebook 把它存为 `web.yaml`，供下面的命令使用。

    \(manifest)

    应用它，等它滚动完成。kubebook 在模拟集群上运行这些命令并检查输出：课程和集群不一致时，`kubebook check` 会失败。

    \(scenario)

    """

  /// The GitHub Actions workflow: builds kubebook from its repository (the repository
  /// variable `KUBEBOOK_REPOSITORY`), checks the course with annotations and a JUnit
  /// report, and builds the site.
  static let workflow = """
    # Checks every scenario of the course and builds its site on each push and pull request.
    # Set the repository variable KUBEBOOK_REPOSITORY to the git address of kubebook.
    name: kubebook
    on: [push, pull_request]
    jobs:
      course:
        runs-on: ubuntu-latest
        container: swift:6.1
        steps:
          - uses: actions/checkout@v4
          - name: Install kubebook
            run: |
              apt-get update && apt-get install -y libcmark-dev libedit-dev git
              git clone --depth 1 "${{ vars.KUBEBOOK_REPOSITORY }}" "$RUNNER_TEMP/kubebook"
              swift build -c release --package-path "$RUNNER_TEMP/kubebook" --product kubebook
              cp "$RUNNER_TEMP/kubebook/.build/release/kubebook" /usr/local/bin/
          - name: Check the scenarios
            run: kubebook check . --format github --junit "$RUNNER_TEMP/kubebook-junit.xml"
          - name: Build the site
            run: kubebook build . -o "$RUNNER_TEMP/site"
          - uses: actions/upload-artifact@v4
            if: always()
            with:
              name: kubebook
              path: |
                ${{ runner.temp }}/kubebook-junit.xml
                ${{ runner.temp }}/site

    """
}
