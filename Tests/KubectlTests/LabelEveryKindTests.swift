import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// `kubectl label` and `annotate` change the object of every kind kept in a store, not only
/// the workloads': what `get` shows afterwards is the new label or annotation.
@Suite struct LabelEveryKindTests {
  @Test(arguments: [
    ("kubectl create configmap c --from-literal=a=b", "configmap/c"),
    ("kubectl create secret generic s --from-literal=a=b", "secret/s"),
    ("kubectl create serviceaccount robot", "serviceaccount/robot"),
    ("kubectl create service clusterip web --tcp=80:80", "service/web"),
    ("kubectl create priorityclass high --value=1000", "priorityclass/high"),
  ])
  func labelAndAnnotateStick(create: String, object: String) {
    var terminal = Terminal()
    #expect(terminal.run(create).exitCode == 0)
    #expect(terminal.run("kubectl label \(object) tier=gold").exitCode == 0)
    #expect(terminal.run("kubectl annotate \(object) note=hello").exitCode == 0)
    let labels = terminal.run("kubectl get \(object) -o jsonpath={.metadata.labels.tier}").output
    let annotations = terminal.run("kubectl get \(object) -o jsonpath={.metadata.annotations.note}").output
    #expect(labels == "gold")
    #expect(annotations == "hello")
  }
}
