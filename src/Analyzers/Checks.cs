using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Emr.Codegen.Spec;
using Emr.Codegen.Spec.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Emr.Codegen.Analyzers
{
    /// <summary>Keys of <see cref="Diagnostic.Properties"/> that tell the code fixes what the spec allows.</summary>
    internal static class FixProperties
    {
        public const string Kind = "EmrFix";
        public const string SetValue = "set";
        public const string AddMember = "add";
        public const string ChooseEnumValue = "enum";
        public const string Member = "EmrMember";
        public const string Value = "EmrValue";
        public const string ValueIsString = "EmrValueIsString";
        public const string EnumType = "EmrEnumType";
        public const string EnumValues = "EmrEnumValues";
    }

    /// <summary>Turns spec checks into diagnostics: single values at their assignment, rules on whole objects.</summary>
    internal static class Checks
    {
        /// <summary>Checks the value given to one member against its enumeration and constraints.</summary>
        public static void CheckAssignment(SpecMember target, ExpressionSyntax value, SpecObjectInfo owner, SyntaxValues values, SyntaxNode? body, Action<Diagnostic> report)
        {
            MemberModel member = target.Member;
            if (member.Enum is null && member.Constraints is null)
            {
                return;
            }

            EnumModel? enumModel = owner.EnumOf(member);
            if (member.IsList)
            {
                IReadOnlyList<ExpressionSyntax>? items = SyntaxValues.ListItems(value);
                if (items is null)
                {
                    return;
                }

                CheckItemCount(target, items.Count, value, report);

                if (member.Kind != ValueKind.Object)
                {
                    foreach (ExpressionSyntax item in items)
                    {
                        if (values.Constant(item, enumModel, body) is SpecValue itemConstant)
                        {
                            CheckScalar(target, owner, itemConstant, item, report);
                        }
                    }
                }

                return;
            }

            if (member.Kind != ValueKind.Object)
            {
                if (values.Constant(value, enumModel, body) is SpecValue constant)
                {
                    CheckScalar(target, owner, constant, value, report);
                }
            }
        }

        /// <summary>The number of items given to a list member, at <paramref name="location"/>.</summary>
        public static void CheckItemCount(SpecMember target, int count, SyntaxNode location, Action<Diagnostic> report)
        {
            MemberModel member = target.Member;
            if (ConstraintChecker.CheckCount(member, count) is ConstraintViolation violation)
            {
                report(Diagnostic.Create(Descriptors.ItemCount, location.GetLocation(), member.Name + " holds " + count + " items; it " + violation.Requirement + SpecMessages.ServerSays(violation.ErrorCode)));
            }
        }

        /// <summary>One constant given to a member (or one item of a list member), at <paramref name="value"/>.</summary>
        public static void CheckScalar(SpecMember target, SpecObjectInfo owner, SpecValue constant, SyntaxNode value, Action<Diagnostic> report)
        {
            MemberModel member = target.Member;
            EnumModel? enumModel = owner.EnumOf(member);
            IPropertySymbol property = target.Property;

            foreach (ConstraintViolation violation in ConstraintChecker.CheckValue(member, enumModel, constant))
            {
                ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty;
                if (violation.Kind == ConstraintKind.Enumeration && enumModel != null)
                {
                    ITypeSymbol enumType = SpecTypeCatalog.UnwrapNullable(property.Type);
                    if (member.IsList && enumType is INamedTypeSymbol { IsGenericType: true } list)
                    {
                        enumType = list.TypeArguments[0];
                    }

                    properties = properties
                        .Add(FixProperties.Kind, FixProperties.ChooseEnumValue)
                        .Add(FixProperties.EnumType, enumType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))
                        .Add(FixProperties.EnumValues, string.Join(",", enumModel.Values.Select(v => v.Name)));
                }

                report(Diagnostic.Create(
                    Descriptors.ForConstraint(violation.Kind),
                    value.GetLocation(),
                    properties,
                    member.Name + " " + Show(constant, member) + " " + violation.Requirement + SpecMessages.ServerSays(violation.ErrorCode)));
            }
        }

        private static string Show(SpecValue value, MemberModel? member) => member?.IsSensitive == true ? "(value hidden)" : value.ToString();

        /// <summary>Checks an object's rules, and those of the objects built inside it, on one path.</summary>
        public static void CheckRules(AbstractObject obj, Action<Diagnostic> report)
        {
            Func<string, KnownValue> lookup = obj.Lookup;
            foreach (RuleModel rule in obj.Info.Model.Rules)
            {
                if (RuleEvaluator.IsViolated(rule, lookup))
                {
                    report(RuleDiagnostic(rule, obj));
                }
            }

            foreach (KeyValuePair<string, AbstractValue> member in obj.Members.Entries)
            {
                if (member.Value.Object is { CheckedOnItsOwn: false } nested)
                {
                    CheckRules(nested, report);
                }
            }
        }

        private static string Describe(string path, AbstractObject obj)
        {
            KnownValue value = obj.Lookup(path);
            return value.State switch
            {
                KnownState.Known => path + " = " + Show(value.Value!, obj.Info.Model.FindMember(path)),
                KnownState.Absent => path + " not set",
                _ => path + " set",
            };
        }

        private static Diagnostic RuleDiagnostic(RuleModel rule, AbstractObject obj)
        {
            IReadOnlyList<string> requirePaths = RuleEvaluator.Paths(rule.Require);
            IReadOnlyList<string> whenPaths = RuleEvaluator.Paths(rule.When);
            var paths = requirePaths.Concat(whenPaths).Distinct().ToList();
            var located = paths.Select(p => (Path: p, Value: obj.ValueAt(p))).Where(p => p.Value?.Syntax != null).ToList();
            SyntaxNode primary = located.Select(p => p.Value!.Syntax!).FirstOrDefault() ?? obj.Syntax;
            IEnumerable<Location> additional = located.Select(p => p.Value!.Syntax!).Where(s => s != primary).Select(s => s.GetLocation());

            string values = string.Join(", ", paths.Select(p => Describe(p, obj)));

            ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty;
            ConditionModel require = rule.Require;
            if (require.Kind == ConditionKind.Equals && require.Member != null && obj.ValueAt(require.Member)?.Syntax == primary)
            {
                properties = properties
                    .Add(FixProperties.Kind, FixProperties.SetValue)
                    .Add(FixProperties.Member, require.Member)
                    .Add(FixProperties.Value, require.Value!.Text)
                    .Add(FixProperties.ValueIsString, require.Value.Kind == SpecValueKind.String ? "true" : "false");
            }
            else if (require.Kind == ConditionKind.Present && require.Member != null && require.Member.IndexOf('.') < 0 && obj.ValueAt(require.Member) is null)
            {
                MemberModel? member = obj.Info.Model.FindMember(require.Member);
                properties = properties
                    .Add(FixProperties.Kind, FixProperties.AddMember)
                    .Add(FixProperties.Member, GeneratedNames.PropertyName(member!, obj.Info.Model))
                    .Add(FixProperties.Value, member?.Example ?? string.Empty)
                    .Add(FixProperties.ValueIsString, member?.Kind == ValueKind.String ? "true" : "false");
            }

            return Diagnostic.Create(
                Descriptors.ForRule(rule.Severity),
                primary.GetLocation(),
                additional,
                properties,
                rule.Message + " (" + values + ")" + SpecMessages.ServerSays(rule.ErrorCode, rule.Severity));
        }
    }
}
