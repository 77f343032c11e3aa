/// The site's version and the long polls waiting for it to change: ``changed()`` resumes
/// every waiter at once, and a waiter nobody resumes is answered when its own timeout passes.
/// Nothing runs while they wait: no loop checks the version.
public actor ReloadSignal {
  /// Goes up by one each time ``changed()`` is called.
  public private(set) var version = 1
  /// The long polls waiting, by the number each was given.
  private var waiters: [Int: Waiter] = [:]
  /// The number the next waiter gets.
  private var nextWaiter = 0

  /// One waiting long poll: resumed with the version, and the task that answers it when
  /// its time is up.
  private struct Waiter {
    let continuation: CheckedContinuation<Int, Never>
    let timeout: Task<Void, Never>
  }

  /// Makes a signal at version 1.
  public init() {}

  /// How many long polls are waiting.
  public var waiting: Int { waiters.count }

  /// Says the site changed: the version goes up and every waiter is answered with it.
  public func changed() {
    version += 1
    let answered = waiters.values
    waiters = [:]
    for waiter in answered {
      waiter.timeout.cancel()
      waiter.continuation.resume(returning: version)
    }
  }

  /// The version as soon as it is above `since`, or the same version once `timeout` has
  /// passed (or the calling task is cancelled) without a change.
  public func wait(since: Int, timeout: Duration) async -> Int {
    guard version <= since else { return version }
    let number = nextWaiter
    nextWaiter += 1
    return await withTaskCancellationHandler {
      await withCheckedContinuation { continuation in
        let timer = Task { [weak self] in
          try? await Task.sleep(for: timeout)
          await self?.answer(number)
        }
        waiters[number] = Waiter(continuation: continuation, timeout: timer)
      }
    } onCancel: {
      Task { await self.answer(number) }
    }
  }

  /// Answers waiter `number` with the current version, if it is still waiting.
  private func answer(_ number: Int) {
    guard let waiter = waiters.removeValue(forKey: number) else { return }
    waiter.timeout.cancel()
    waiter.continuation.resume(returning: version)
  }
}
