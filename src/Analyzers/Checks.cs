using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Emr.Codegen.Runtime;
using Emr.Codegen.Runtime.Rules;
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

        /// <summary>The engine's problem kind, subject (member or rule id) and error code, as Validate() reports them.</summary>
        public const string ProblemKind = "EmrProblemKind";
        public const string ProblemSubject = "EmrProblemSubject";
        public const string ErrorCode = "EmrErrorCode";
    }

    /// <summary>Turns spec checks into diagnostics: single values at their assignment, rules on whole objects.</summary>
    internal static class Checks
    {
        /// <summary>The number of items given to a list member, at <paramref name="location"/>.</summary>
        public static void CheckItemCount(SpecMember target, SpecObjectInfo owner, int count, SyntaxNode location, Action<Diagnostic> report)
        {
            if (owner.Definition.FindMember(target.Member.Name) is not MemberDefinition member)
            {
                return;
            }

            var problems = new List<ApiValidationProblem>(1);
            RuleEngine.CheckCount(member, count, member.Name, problems);
            ReportProblems(problems, owner, target, location, report);
        }

        /// <summary>One constant given to a member (or one item of a list member), at <paramref name="value"/>.</summary>
        public static void CheckScalar(SpecMember target, SpecObjectInfo owner, SpecValue constant, SyntaxNode value, Action<Diagnostic> report)
        {
            if (owner.Definition.FindMember(target.Member.Name) is not MemberDefinition member)
            {
                return;
            }

            var problems = new List<ApiValidationProblem>(2);
            RuleEngine.CheckValue(member, constant, member.Name, problems);
            ReportProblems(problems, owner, target, value, report);
        }

        private static void ReportProblems(List<ApiValidationProblem> problems, SpecObjectInfo owner, SpecMember target, SyntaxNode location, Action<Diagnostic> report)
        {
            foreach (ApiValidationProblem problem in problems)
            {
                ImmutableDictionary<string, string?> properties = ProblemProperties(problem, target.Member.Name);
                if (problem.Kind is ApiValidationProblemKind.Enumeration or ApiValidationProblemKind.OpenEnumeration && owner.EnumOf(target.Member) is EnumModel enumModel)
                {
                    ITypeSymbol enumType = SpecTypeCatalog.UnwrapNullable(target.Property.Type);
                    if (target.Member.IsList && enumType is INamedTypeSymbol { IsGenericType: true } list)
                    {
                        enumType = list.TypeArguments[0];
                    }

                    properties = properties
                        .Add(FixProperties.Kind, FixProperties.ChooseEnumValue)
                        .Add(FixProperties.EnumType, enumType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))
                        .Add(FixProperties.EnumValues, string.Join(",", enumModel.Values.Select(v => v.Name)));
                }

                report(Diagnostic.Create(Descriptors.WithHelpLink(Descriptors.ForProblem(problem.Kind), owner.Definition.Documentation), location.GetLocation(), properties, problem.Message));
            }
        }

        /// <summary>What the engine found, by kind and subject (member or rule): the same key the generated Validate() gives.</summary>
        private static ImmutableDictionary<string, string?> ProblemProperties(ApiValidationProblem problem, string subject) =>
            ImmutableDictionary<string, string?>.Empty
                .Add(FixProperties.ProblemKind, problem.Kind.ToString())
                .Add(FixProperties.ProblemSubject, problem.RuleId ?? subject)
                .Add(FixProperties.ErrorCode, problem.ErrorCode);

        /// <summary>Checks an object's rules, and those of the objects built inside it, on one path.</summary>
        public static void CheckRules(AbstractObject obj, Action<Diagnostic> report)
        {
            Func<string, KnownValue> lookup = obj.Lookup;
            foreach (RuleDefinition rule in obj.Info.Definition.Rules)
            {
                if (RuleEngine.IsViolated(rule, lookup))
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

        private static string Show(SpecValue value, MemberModel? member) => member?.IsSensitive == true ? "(value hidden)" : value.ToString();

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

        private static Diagnostic RuleDiagnostic(RuleDefinition rule, AbstractObject obj)
        {
            IReadOnlyList<string> requirePaths = RuleEngine.Paths(rule.Require);
            IReadOnlyList<string> whenPaths = RuleEngine.Paths(rule.When);
            var paths = requirePaths.Concat(whenPaths).Distinct().ToList();
            var located = paths.Select(p => (Path: p, Value: obj.ValueAt(p))).Where(p => p.Value?.Syntax != null).ToList();
            SyntaxNode primary = located.Select(p => p.Value!.Syntax!).FirstOrDefault() ?? obj.Syntax;
            IEnumerable<Location> additional = located.Select(p => p.Value!.Syntax!).Where(s => s != primary).Select(s => s.GetLocation());

            string values = string.Join(", ", paths.Select(p => Describe(p, obj)));
            ApiValidationProblem problem = RuleEngine.ApiValidationProblem(rule, rule.PrimaryPath);
            ImmutableDictionary<string, string?> properties = ProblemProperties(problem, rule.Id);
            RuleCondition require = rule.Require;
            if (require.Operator == RuleOperator.Equals && require.Member != null && require.Compared is null && obj.ValueAt(require.Member)?.Syntax == primary)
            {
                properties = properties
                    .Add(FixProperties.Kind, FixProperties.SetValue)
                    .Add(FixProperties.Member, require.Member)
                    .Add(FixProperties.Value, require.Values[0].Text)
                    .Add(FixProperties.ValueIsString, require.Values[0].Kind == SpecValueKind.String ? "true" : "false");
            }
            else if (require.Operator == RuleOperator.Present && require.Member != null && require.Member.IndexOf('.') < 0 && obj.ValueAt(require.Member) is null
                && obj.Info.Model.FindMember(require.Member) is MemberModel member)
            {
                properties = properties
                    .Add(FixProperties.Kind, FixProperties.AddMember)
                    .Add(FixProperties.Member, GeneratedNames.PropertyName(member, obj.Info.Model))
                    .Add(FixProperties.Value, member.Example ?? string.Empty)
                    .Add(FixProperties.ValueIsString, member.Kind == ValueKind.String ? "true" : "false");
            }

            DiagnosticDescriptor descriptor = Descriptors.WithHelpLink(Descriptors.ForRule(rule.Severity), obj.Info.Definition.Documentation);
            return Diagnostic.Create(
                descriptor,
                primary.GetLocation(),
                additional,
                properties,
                rule.Message + " (" + values + ")" + RuleEngine.ServerSays(rule.ErrorCode, rule.Severity));
        }
    }
}
