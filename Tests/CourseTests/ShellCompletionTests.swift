import KubeSim
import Kubectl
import Testing

@testable import Course

/// Tab completion at the `kubebook shell` prompt: the shell's own commands, `sim` and its
/// names, kubectl lines, and nothing inside a heredoc or a quote.
@Suite struct ShellCompletionTests {
  @Test func shellWords() {
    var session = ShellSession()
    #expect(session.completions(for: "") == ["clock", "exit", "help", "kubectl", "sim", "sleep"])
    #expect(session.completions(for: "s") == ["sim", "sleep"])
    #expect(session.completions(for: "kubectl ge") == ["get"])
    #expect(session.completions(for: "kubectl  get   no") == ["nodes"])
    #expect(session.completions(for: "sim ") == ["image", "load", "node", "pod"])
    #expect(session.completions(for: "sim node f") == ["fail"])
    #expect(session.completions(for: "sim node fail w") == ["worker-1", "worker-2"])
    #expect(session.completions(for: "sim load ") == [])
    _ = session.feed("kubectl create deployment web --image=nginx")
    #expect(session.completions(for: "sim load ") == ["deployment/web"])
    #expect(session.completions(for: "sim pod crash web").count == 1)
    #expect(session.completions(for: "kubectl get pods -l \"app=w") == [])
    #expect(session.completions(for: "sleep ") == [])
    _ = session.feed("kubectl apply -f - <<EOF")
    #expect(session.completions(for: "ku") == [])
  }
}
