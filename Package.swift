// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "kubebook",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "kubebook", targets: ["kubebook"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
    .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    .package(url: "https://github.com/apple/swift-certificates", exact: "1.21.1"),
    .package(url: "https://github.com/apple/swift-asn1", from: "1.1.0"),
    .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
  ],
  targets: [
    .systemLibrary(
      name: "CCmark",
      pkgConfig: "libcmark",
      providers: [.apt(["libcmark-dev"])]
    ),
    .systemLibrary(
      name: "CEditLine",
      pkgConfig: "libedit",
      providers: [.apt(["libedit-dev"])]
    ),
    .target(name: "CFileSwap"),
    .target(name: "Markdown", dependencies: ["CCmark"]),
    .target(name: "KubeSim", dependencies: [.product(name: "HeapModule", package: "swift-collections")]),
    // The cluster's deterministic keys and certificates (CA, admin client, service-account signer).
    .target(
      name: "ClusterPKI",
      dependencies: [
        "KubeSim",
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "_CryptoExtras", package: "swift-crypto"),
        .product(name: "X509", package: "swift-certificates"),
        .product(name: "SwiftASN1", package: "swift-asn1"),
      ]
    ),
    .target(name: "Kubectl", dependencies: ["KubeSim", "Yams", "ClusterPKI"]),
    .target(name: "Course", dependencies: ["Markdown", "KubeSim", "Kubectl"]),
    .target(
      name: "BookConfig", dependencies: ["Course", "KubeSim", .product(name: "TOMLKit", package: "TOMLKit")]),
    .target(
      name: "Site",
      dependencies: [
        "Course", "Kubectl", "KubeSim", "Markdown", "BookConfig", .product(name: "Mustache", package: "swift-mustache"),
      ]),
    .target(name: "Workspace", dependencies: ["Course", "Site", "BookConfig", "CFileSwap"]),
    .target(name: "LineEditor", dependencies: ["CEditLine"]),
    .target(name: "Preview", dependencies: [.product(name: "FlyingSocks", package: "FlyingFox")]),
    .executableTarget(
      name: "kubebook",
      dependencies: [
        "Course", "Kubectl", "Site", "Workspace", "LineEditor", "Preview", "BookConfig",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(name: "kubebook-bench", dependencies: ["KubeSim", "Kubectl"]),
    // libFuzzer targets; scripts/fuzz builds them with --sanitize=fuzzer -Xswiftc -DFUZZING.
    .executableTarget(name: "kubebook-fuzz", dependencies: ["Course", "Kubectl"]),
    // Helpers the test suites share; not part of any product.
    .target(
      name: "TestSupport", dependencies: ["Course", "Kubectl", "KubeSim", "ClusterPKI"], path: "Tests/TestSupport"),
    .testTarget(name: "MarkdownTests", dependencies: ["Markdown"]),
    .testTarget(name: "KubeSimTests", dependencies: ["KubeSim"]),
    .testTarget(name: "ClusterPKITests", dependencies: ["ClusterPKI"]),
    .testTarget(name: "KubectlTests", dependencies: ["Kubectl", "KubeSim", "TestSupport"]),
    .testTarget(name: "CourseTests", dependencies: ["Course", "Kubectl", "KubeSim", "Markdown", "TestSupport"]),
    .testTarget(name: "BookConfigTests", dependencies: ["BookConfig", "Course", "KubeSim"]),
    .testTarget(
      name: "SiteTests",
      dependencies: ["Site", "BookConfig", "Course", "Kubectl", "KubeSim", "Markdown", "TestSupport"]),
    .testTarget(name: "WorkspaceTests", dependencies: ["Workspace", "BookConfig", "Course", "Site", "TestSupport"]),
    .testTarget(name: "PreviewTests", dependencies: ["Preview", "TestSupport"]),
    .testTarget(name: "kubebookTests", dependencies: ["kubebook", "TestSupport"]),
  ],
  swiftLanguageModes: [.v6]
)
