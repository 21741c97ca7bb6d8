using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Emr.Codegen.Spec.Model;

namespace Emr.Codegen.Spec
{
    internal enum Truth
    {
        False,
        True,
        Unknown,
    }

    internal enum KnownState
    {
        /// <summary>Nothing is known, not even whether the member is set.</summary>
        Unknown,

        /// <summary>The member is not set (null).</summary>
        Absent,

        /// <summary>The member is set to a value that is not known.</summary>
        PresentUnknown,

        /// <summary>The member is set to <see cref="KnownValue.Value"/>.</summary>
        Known,
    }

    /// <summary>What is known of one member's value, at compile time or at run time.</summary>
    internal readonly struct KnownValue
    {
        private KnownValue(KnownState state, SpecValue? value)
        {
            State = state;
            Value = value;
        }

        public static KnownValue Unknown => new KnownValue(KnownState.Unknown, null);

        public static KnownValue Absent => new KnownValue(KnownState.Absent, null);

        public static KnownValue PresentUnknown => new KnownValue(KnownState.PresentUnknown, null);

        public KnownState State { get; }

        public SpecValue? Value { get; }

        public static KnownValue Of(SpecValue value) => new KnownValue(KnownState.Known, value);
    }

    /// <summary>
    /// Evaluates spec conditions with three-valued logic: a rule is broken only when its condition
    /// is surely true and its requirement surely false. The generated run-time validation follows
    /// the same semantics with every value known (tests hold the two in agreement).
    /// </summary>
    internal static class RuleEvaluator
    {
        public static Truth Evaluate(ConditionModel condition, Func<string, KnownValue> lookup)
        {
            switch (condition.Kind)
            {
                case ConditionKind.AllOf:
                    {
                        Truth result = Truth.True;
                        foreach (ConditionModel operand in condition.Operands)
                        {
                            Truth operandTruth = Evaluate(operand, lookup);
                            if (operandTruth == Truth.False)
                            {
                                return Truth.False;
                            }

                            if (operandTruth == Truth.Unknown)
                            {
                                result = Truth.Unknown;
                            }
                        }

                        return result;
                    }

                case ConditionKind.AnyOf:
                    {
                        Truth result = Truth.False;
                        foreach (ConditionModel operand in condition.Operands)
                        {
                            Truth operandTruth = Evaluate(operand, lookup);
                            if (operandTruth == Truth.True)
                            {
                                return Truth.True;
                            }

                            if (operandTruth == Truth.Unknown)
                            {
                                result = Truth.Unknown;
                            }
                        }

                        return result;
                    }

                case ConditionKind.Not:
                    Truth inner = Evaluate(condition.Operands[0], lookup);
                    return inner == Truth.Unknown ? Truth.Unknown : inner == Truth.True ? Truth.False : Truth.True;
            }

            KnownValue known = lookup(condition.Member!);
            switch (known.State)
            {
                case KnownState.Unknown:
                    return Truth.Unknown;
                case KnownState.Absent:
                    // Comparisons with an unset member are false; only "not equal" holds.
                    return condition.Kind == ConditionKind.Absent || condition.Kind == ConditionKind.NotEquals || condition.Kind == ConditionKind.NotIn ? Truth.True : Truth.False;
                case KnownState.PresentUnknown:
                    return condition.Kind == ConditionKind.Present ? Truth.True : condition.Kind == ConditionKind.Absent ? Truth.False : Truth.Unknown;
            }

            SpecValue value = known.Value!;
            bool holds;
            switch (condition.Kind)
            {
                case ConditionKind.Present:
                    holds = true;
                    break;
                case ConditionKind.Absent:
                    holds = false;
                    break;
                case ConditionKind.Equals:
                    holds = ValuesEqual(value, condition.Value!);
                    break;
                case ConditionKind.NotEquals:
                    holds = !ValuesEqual(value, condition.Value!);
                    break;
                case ConditionKind.In:
                    holds = condition.Values.Any(v => ValuesEqual(value, v));
                    break;
                case ConditionKind.NotIn:
                    holds = !condition.Values.Any(v => ValuesEqual(value, v));
                    break;
                case ConditionKind.Minimum:
                    holds = value.Kind == SpecValueKind.Number && value.ToNumber() >= condition.Value!.ToNumber();
                    break;
                case ConditionKind.Maximum:
                    holds = value.Kind == SpecValueKind.Number && value.ToNumber() <= condition.Value!.ToNumber();
                    break;
                case ConditionKind.MinLength:
                    holds = value.Kind == SpecValueKind.String && value.Text.Length >= condition.Value!.ToNumber();
                    break;
                case ConditionKind.MaxLength:
                    holds = value.Kind == SpecValueKind.String && value.Text.Length <= condition.Value!.ToNumber();
                    break;
                case ConditionKind.Pattern:
                    holds = value.Kind == SpecValueKind.String && Matches(value.Text, condition.Value!.Text);
                    break;
                default:
                    return Truth.Unknown;
            }

            return holds ? Truth.True : Truth.False;
        }

        /// <summary>True when the rule is surely broken by the known values.</summary>
        public static bool IsViolated(RuleModel rule, Func<string, KnownValue> lookup) =>
            (rule.When is null || Evaluate(rule.When, lookup) == Truth.True) && Evaluate(rule.Require, lookup) == Truth.False;

        public static bool ValuesEqual(SpecValue left, SpecValue right)
        {
            if (left.Kind != right.Kind)
            {
                return false;
            }

            return left.Kind == SpecValueKind.Number ? left.ToNumber() == right.ToNumber() : left.Text == right.Text;
        }

        // Patterns come from the spec: few, and matched for every constant an analyzer sees, so each is built once.
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Regex> Patterns = new System.Collections.Concurrent.ConcurrentDictionary<string, Regex>(StringComparer.Ordinal);

        public static bool Matches(string text, string pattern)
        {
            try
            {
                if (Patterns.Count > 1024)
                {
                    Patterns.Clear();
                }

                return Patterns.GetOrAdd(pattern, p => new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))).IsMatch(text);
            }
            catch (RegexMatchTimeoutException)
            {
                return true;
            }
        }

        /// <summary>The member paths a condition reads, in order, each once.</summary>
        public static IReadOnlyList<string> Paths(ConditionModel? condition)
        {
            var paths = new List<string>();
            void Walk(ConditionModel? c)
            {
                if (c is null)
                {
                    return;
                }

                if (c.Member != null && !paths.Contains(c.Member))
                {
                    paths.Add(c.Member);
                }

                foreach (ConditionModel operand in c.Operands)
                {
                    Walk(operand);
                }
            }

            Walk(condition);
            return paths;
        }
    }

    internal enum ConstraintKind
    {
        Enumeration,
        Length,
        Pattern,
        Range,
        ItemCount,
        AllowedValues,
    }

    internal sealed record ConstraintViolation(ConstraintKind Kind, string Requirement, string? ErrorCode);

    /// <summary>Single-value checks of a member: enumeration, length, pattern, range, item count.</summary>
    internal static class ConstraintChecker
    {
        /// <summary>Checks one scalar value (or one item of a list).</summary>
        public static IEnumerable<ConstraintViolation> CheckValue(MemberModel member, EnumModel? enumModel, SpecValue value)
        {
            if (enumModel != null && enumModel.FindValue(value) is null)
            {
                yield return new ConstraintViolation(ConstraintKind.Enumeration, SpecMessages.EnumRequirement(enumModel), member.Constraints?.ErrorCode ?? enumModel.ErrorCode);
            }

            ConstraintsModel? c = member.Constraints;
            if (c is null)
            {
                yield break;
            }

            if (value.Kind == SpecValueKind.String)
            {
                int length = value.Text.Length;
                if ((c.MinLength != null && length < c.MinLength) || (c.MaxLength != null && length > c.MaxLength))
                {
                    yield return new ConstraintViolation(ConstraintKind.Length, SpecMessages.LengthRequirement(c)!, c.ErrorCode);
                }

                if (c.Pattern != null && !RuleEvaluator.Matches(value.Text, c.Pattern))
                {
                    yield return new ConstraintViolation(ConstraintKind.Pattern, SpecMessages.PatternRequirement(c)!, c.ErrorCode);
                }
            }

            if (value.Kind == SpecValueKind.Number && ((c.Minimum != null && value.ToNumber() < c.Minimum) || (c.Maximum != null && value.ToNumber() > c.Maximum)))
            {
                yield return new ConstraintViolation(ConstraintKind.Range, SpecMessages.RangeRequirement(c)!, c.ErrorCode);
            }

            if (c.AllowedValues.Count > 0 && !c.AllowedValues.Any(v => RuleEvaluator.ValuesEqual(v, value)))
            {
                yield return new ConstraintViolation(ConstraintKind.AllowedValues, SpecMessages.AllowedRequirement(c)!, c.ErrorCode);
            }
        }

        public static ConstraintViolation? CheckCount(MemberModel member, int count)
        {
            ConstraintsModel? c = member.Constraints;
            if (c is null || !((c.MinItems != null && count < c.MinItems) || (c.MaxItems != null && count > c.MaxItems)))
            {
                return null;
            }

            return new ConstraintViolation(ConstraintKind.ItemCount, SpecMessages.ItemCountRequirement(c)!, c.ErrorCode);
        }
    }

    /// <summary>The wording of requirements, shared by the analyzers and the generated validation.</summary>
    internal static class SpecMessages
    {
        public static string EnumRequirement(EnumModel model) =>
            "must be a value of " + model.Name + ": " + string.Join(", ", model.Values.Select(v => v.Value + " (" + v.Name + ")"));

        public static string? LengthRequirement(ConstraintsModel c)
        {
            if (c.MinLength is null && c.MaxLength is null)
            {
                return null;
            }

            if (c.MinLength != null && c.MaxLength != null)
            {
                return "must be " + Format(c.MinLength.Value) + " to " + Format(c.MaxLength.Value) + " characters long";
            }

            return c.MinLength != null ? "must be at least " + Format(c.MinLength.Value) + " characters long" : "must be at most " + Format(c.MaxLength!.Value) + " characters long";
        }

        public static string? PatternRequirement(ConstraintsModel c) =>
            c.Pattern is null ? null : c.Message ?? "must match the pattern " + c.Pattern;

        public static string? RangeRequirement(ConstraintsModel c)
        {
            if (c.Minimum is null && c.Maximum is null)
            {
                return null;
            }

            if (c.Minimum != null && c.Maximum != null)
            {
                return "must be from " + Format(c.Minimum.Value) + " to " + Format(c.Maximum.Value);
            }

            return c.Minimum != null ? "must be at least " + Format(c.Minimum.Value) : "must be at most " + Format(c.Maximum!.Value);
        }

        public static string? ItemCountRequirement(ConstraintsModel c)
        {
            if (c.MinItems is null && c.MaxItems is null)
            {
                return null;
            }

            if (c.MinItems != null && c.MaxItems != null)
            {
                return "must hold " + Format(c.MinItems.Value) + " to " + Format(c.MaxItems.Value) + " items";
            }

            return c.MinItems != null ? "must hold at least " + Format(c.MinItems.Value) + " items" : "must hold at most " + Format(c.MaxItems!.Value) + " item" + (c.MaxItems == 1 ? string.Empty : "s");
        }

        public static string? AllowedRequirement(ConstraintsModel c) =>
            c.AllowedValues.Count == 0 ? null : "must be one of " + string.Join(", ", c.AllowedValues.Select(v => v.ToString()));

        /// <summary>"; the server returns X" or nothing when the spec names no code.</summary>
        public static string ServerSays(string? errorCode, RuleSeverity severity = RuleSeverity.Error) =>
            errorCode != null ? " (the server returns " + errorCode + ")"
            : severity == RuleSeverity.Error ? string.Empty : " (the server accepts the request)";

        private static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
