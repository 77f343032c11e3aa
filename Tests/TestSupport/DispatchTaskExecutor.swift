import Dispatch

/// A task executor that runs its jobs on Dispatch threads instead of Swift's cooperative pool
/// (as wide as the machine has cores). Tests that serve sockets from tasks run them here, so
/// that other suites' synchronous work, which may hold every pool thread for seconds, cannot
/// starve the server they talk to.
public final class DispatchTaskExecutor: TaskExecutor, @unchecked Sendable {
  private let queue: DispatchQueue

  /// An executor on a concurrent queue of its own.
  public init(label: String) {
    queue = DispatchQueue(label: label, attributes: .concurrent)
  }

  public func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    let executor = asUnownedTaskExecutor()
    queue.async { job.runSynchronously(on: executor) }
  }
}
