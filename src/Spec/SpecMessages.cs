using System.Linq;
using Emr.Codegen.Runtime.Rules;
using Emr.Codegen.Spec.Model;

namespace Emr.Codegen.Spec
{
    /// <summary>The wording of a member's requirements in generated docs: the rule engine's wording, read off the model.</summary>
    internal static class SpecMessages
    {
        public static string? LengthRequirement(ConstraintsModel c) =>
            c.MinLength is null && c.MaxLength is null ? null : RuleEngine.LengthRequirement(c.MinLength, c.MaxLength);

        public static string? PatternRequirement(ConstraintsModel c) =>
            c.Pattern is null ? null : c.Message ?? "must match the pattern " + c.Pattern;

        public static string? RangeRequirement(ConstraintsModel c) =>
            c.Minimum is null && c.Maximum is null ? null : RuleEngine.RangeRequirement(c.Minimum, c.Maximum);

        public static string? ItemCountRequirement(ConstraintsModel c) =>
            c.MinItems is null && c.MaxItems is null ? null : RuleEngine.ItemCountRequirement(c.MinItems, c.MaxItems);

        public static string? AllowedRequirement(ConstraintsModel c) =>
            c.AllowedValues.Count == 0 ? null : "must be one of " + string.Join(", ", c.AllowedValues.Select(v => v.ToString()));
    }
}
