/// A `matchExpressions` operator (`metav1.LabelSelectorOperator`).
public enum SelectorOperator: String, APIStringEnum, CaseIterable {
  case `in` = "In"
  case notIn = "NotIn"
  case exists = "Exists"
  case doesNotExist = "DoesNotExist"
}
