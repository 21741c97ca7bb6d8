using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Emr.Codegen.Runtime.Rules;
using Emr.Codegen.Spec;
using Emr.Codegen.Spec.Model;

namespace Emr.Codegen.Tests.Spec
{
    /// <summary>
    /// What the spec model itself says about one member value, read straight from the model: its enumeration (a value
    /// outside an open one is no error), its constraints, and patterns as whole-value matches (\A(?:pattern)\z).
    /// The tests hold the engine's verdicts (Validate(), the analyzer) against this.
    /// </summary>
    public static class SpecModelChecks
    {
        internal static MemberModel Resolve(SpecModel spec, string path, out ObjectModel owner)
        {
            owner = spec.FindObject("CreateInstanceRequest")!;
            string[] segments = path.Replace("[0]", string.Empty, StringComparison.Ordinal).Split('.');
            for (int i = 0; ; i++)
            {
                MemberModel member = owner.FindMember(segments[i]) ?? throw new InvalidOperationException("The spec has no member " + path);
                if (i == segments.Length - 1)
                {
                    return member;
                }

                owner = spec.FindObject(member.ObjectName ?? throw new InvalidOperationException(segments[i] + " of " + path + " is not an object"))!;
            }
        }

        /// <summary>Why the spec rejects <paramref name="value"/> for the member at <paramref name="path"/>; empty when it does not.</summary>
        internal static IReadOnlyList<string> Problems(SpecModel spec, string path, JsonNode value) => Problems(spec, Resolve(spec, path, out _), value);

        /// <summary>Why the spec rejects <paramref name="value"/> for <paramref name="member"/>; empty when it does not.</summary>
        internal static IReadOnlyList<string> Problems(SpecModel spec, MemberModel member, JsonNode value)
        {
            var problems = new List<string>();
            if (member.IsList)
            {
                JsonArray items = value.AsArray();
                if (member.Constraints?.MinItems is int minItems && items.Count < minItems)
                {
                    problems.Add(items.Count + " items, fewer than " + minItems);
                }

                if (member.Constraints?.MaxItems is int maxItems && items.Count > maxItems)
                {
                    problems.Add(items.Count + " items, more than " + maxItems);
                }

                foreach (JsonNode? item in items)
                {
                    problems.AddRange(ScalarProblems(spec, member, item!));
                }
            }
            else
            {
                problems.AddRange(ScalarProblems(spec, member, value));
            }

            return problems;
        }

        internal static bool MatchesWhole(string text, string pattern) =>
            Regex.IsMatch(text, @"\A(?:" + pattern + @")\z", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

        internal static SpecValue ToSpecValue(JsonNode value) => value.GetValueKind() switch
        {
            System.Text.Json.JsonValueKind.String => SpecValue.FromString(value.GetValue<string>()),
            System.Text.Json.JsonValueKind.Number => SpecValue.FromNumber(decimal.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)),
            System.Text.Json.JsonValueKind.True => SpecValue.FromBoolean(true),
            System.Text.Json.JsonValueKind.False => SpecValue.FromBoolean(false),
            _ => throw new ArgumentException("Not a scalar: " + value.ToJsonString()),
        };

        private static IEnumerable<string> ScalarProblems(SpecModel spec, MemberModel member, JsonNode node)
        {
            if (member.ObjectName != null)
            {
                yield break;
            }

            SpecValue value = ToSpecValue(node);
            if (spec.FindEnum(member.Enum) is EnumModel enumeration && enumeration.FindValue(value) is null && !enumeration.IsOpen)
            {
                yield return value + " is not a value of the closed enumeration " + enumeration.Name;
            }

            if (member.Constraints is not ConstraintsModel c)
            {
                yield break;
            }

            if (value.Kind == SpecValueKind.String)
            {
                if (c.MinLength is int min && value.Text.Length < min)
                {
                    yield return value + " is shorter than " + min;
                }

                if (c.MaxLength is int max && value.Text.Length > max)
                {
                    yield return value + " is longer than " + max;
                }

                if (c.Pattern != null && !MatchesWhole(value.Text, c.Pattern))
                {
                    yield return value + " does not match " + c.Pattern + " as a whole";
                }
            }

            if (value.Kind == SpecValueKind.Number)
            {
                if (c.Minimum is decimal minimum && value.ToNumber() < minimum)
                {
                    yield return value + " is below " + minimum;
                }

                if (c.Maximum is decimal maximum && value.ToNumber() > maximum)
                {
                    yield return value + " is above " + maximum;
                }
            }

            if (c.AllowedValues.Count > 0 && !c.AllowedValues.Contains(value))
            {
                yield return value + " is not an allowed value";
            }
        }
    }
}
