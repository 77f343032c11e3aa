import Foundation

/// A task executor with threads of its own, outside Swift's cooperative pool (as wide as the
/// machine has cores) and outside Dispatch's (which does not grow past the cores either).
/// Tests that serve sockets from tasks run them here, so that other suites' synchronous work,
/// which may hold every pool thread for seconds, cannot starve the server they talk to.
public final class ThreadTaskExecutor: TaskExecutor, @unchecked Sendable {
  private let condition = NSCondition()
  private var jobs: [UnownedJob] = []

  /// An executor running its jobs on `threads` threads of its own, named after `label`.
  public init(label: String, threads: Int = 4) {
    for index in 0..<threads {
      let thread = Thread { [unowned self] in self.work() }
      thread.name = "\(label)-\(index)"
      thread.start()
    }
  }

  public func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    condition.lock()
    jobs.append(job)
    condition.signal()
    condition.unlock()
  }

  /// One thread's loop: the next job, as soon as there is one. The executor lives as long as
  /// the test process (it is a test suite's static), so the loop never ends.
  private func work() {
    while true {
      condition.lock()
      while jobs.isEmpty { condition.wait() }
      let job = jobs.removeFirst()
      condition.unlock()
      job.runSynchronously(on: asUnownedTaskExecutor())
    }
  }
}
