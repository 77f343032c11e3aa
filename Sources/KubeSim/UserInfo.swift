/// Who makes a request, as the authenticator (or impersonation) reports it: a user name and
/// its groups.
public struct UserInfo: Sendable, Equatable {
  public var name: String
  public var groups: [String]

  /// Creates a user.
  public init(name: String, groups: [String]) {
    self.name = name
    self.groups = groups
  }

  /// kubeadm's `admin.conf` user: its client certificate has the organisation
  /// `kubeadm:cluster-admins` (kubeadm v1.29 and later; before, `system:masters`), which the
  /// `kubeadm:cluster-admins` ClusterRoleBinding binds to `cluster-admin`.
  public static let kubeadmAdmin = UserInfo(
    name: "kubernetes-admin", groups: ["kubeadm:cluster-admins", "system:authenticated"])

  /// The user `--as=NAME` impersonates (`--as-group` adds groups): a ServiceAccount's user
  /// name (`system:serviceaccount:NS:NAME`) gets the ServiceAccount groups, as the
  /// impersonation filter adds them; every impersonated user is `system:authenticated`.
  public static func impersonated(_ name: String, groups: [String]) -> UserInfo {
    var all = groups
    let parts = name.split(separator: ":", omittingEmptySubsequences: false)
    if parts.count == 4, parts[0] == "system", parts[1] == "serviceaccount", groups.isEmpty {
      all = ["system:serviceaccounts", "system:serviceaccounts:\(parts[2])"]
    }
    if !all.contains("system:authenticated") && name != "system:anonymous" { all.append("system:authenticated") }
    return UserInfo(name: name, groups: all)
  }
}
