import ClusterPKI
import KubeSim

extension ClusterPKI {
  /// The PKI `kubeadm init` made for `cluster`: from its seed, at the instant it was created
  /// (``ClusterConfig/clusterAgeSeconds`` before the scenario's start).
  init(cluster: Cluster) {
    let (created, overflow) = cluster.config.start.seconds.subtractingReportingOverflow(
      cluster.config.clusterAgeSeconds)
    self.init(seed: cluster.config.seed, initSeconds: overflow ? cluster.config.start.seconds : created)
  }

  /// The PEM bytes of one of kubeadm's files as `admin.conf` embeds it.
  func bytes(of file: KubeadmFile) -> [UInt8] {
    switch file {
    case .caCertificate: Array(caCertificatePEM.utf8)
    case .adminCertificate: Array(adminCertificatePEM.utf8)
    case .adminKey: Array(adminKeyPEM.utf8)
    }
  }
}

/// The files kubeadm generated whose contents `admin.conf` embeds.
enum KubeadmFile: Sendable, Equatable {
  /// `ca.crt` (`certificate-authority-data`).
  case caCertificate
  /// The admin client certificate (`client-certificate-data`).
  case adminCertificate
  /// The admin client key (`client-key-data`).
  case adminKey
}
