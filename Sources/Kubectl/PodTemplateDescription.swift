import KubeSim

/// The `Pod Template:` block of describe (`DescribePodTemplate`), here as `rollout history
/// --revision` prints it: without a tabwriter, so tabs stay in the text.
enum PodTemplateDescription {
  static func untabbed(_ template: PodTemplate) -> String {
    var text = "Pod Template:\n"
    text += multiline("  Labels:\t", template.labels.keys.sorted().map { "\($0)=\(template.labels[$0]!)" })
    text += multiline(
      "  Annotations:\t", template.annotations.keys.sorted().map { "\($0): \(template.annotations[$0]!)" })
    text += "  Containers:\n"
    for container in template.spec.containers {
      text += "   \(container.name):\n"
      text += "    Image:\t\(container.image)\n"
      let ports = container.ports.map { "\($0.containerPort)/\($0.protocol)" }
      let hostPorts = container.ports.map { "0/\($0.protocol)" }
      text +=
        ports.count > 1 ? "    Ports:\t\(ports.joined(separator: ", "))\n" : "    Port:\t\(ports.first ?? "<none>")\n"
      text +=
        hostPorts.count > 1
        ? "    Host Ports:\t\(hostPorts.joined(separator: ", "))\n" : "    Host Port:\t\(hostPorts.first ?? "<none>")\n"
      if !container.command.isEmpty {
        text += "    Command:\n" + container.command.map { "      \($0)\n" }.joined()
      }
      if !container.args.isEmpty {
        text += "    Args:\n" + container.args.map { "      \($0)\n" }.joined()
      }
      text += "    Environment:\t<none>\n"
      text += "    Mounts:\t<none>\n"
    }
    text += "  Volumes:\t<none>\n"
    text += "  Node-Selectors:\t<none>\n"
    text += "  Tolerations:\t<none>\n"
    return text
  }

  /// `printLabelsMultiline`: the first entry after the title, the rest on lines of their own
  /// starting with a tab; `<none>` when empty.
  static func multiline(_ title: String, _ entries: [String]) -> String {
    guard let first = entries.first else { return title + "<none>\n" }
    return title + first + "\n" + entries.dropFirst().map { "\t" + $0 + "\n" }.joined()
  }
}
