/// Where a namespace is in its lifecycle (`status.phase`); the raw values are the API strings.
public enum NamespacePhase: String, APIStringEnum {
  /// In use: objects may be created in it.
  case active = "Active"
  /// Being deleted: its objects are going away and no new ones may be created.
  case terminating = "Terminating"
}
