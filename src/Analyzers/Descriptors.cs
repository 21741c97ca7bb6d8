using Emr.Codegen.Spec;
using Microsoft.CodeAnalysis;

namespace Emr.Codegen.Analyzers
{
    /// <summary>Every diagnostic the analyzers report. Messages come from the spec; IDs are stable.</summary>
    internal static class Descriptors
    {
        public const string Category = "EmrApi";
        private const string HelpBase = "https://github.com/emr-codegen/emr-codegen/blob/main/README.md#";

        public static readonly DiagnosticDescriptor NotInEnumeration = new DiagnosticDescriptor(
            "EMR0001",
            "Value outside the enumeration",
            "{0}",
            Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "The value is not one the spec's enumeration names; the server rejects it.",
            helpLinkUri: HelpBase + "emr0001");

        public static readonly DiagnosticDescriptor Length = new DiagnosticDescriptor(
            "EMR0002",
            "String length outside the allowed range",
            "{0}",
            Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "The string is shorter or longer than the spec allows.",
            helpLinkUri: HelpBase + "emr0002");

        public static readonly DiagnosticDescriptor Pattern = new DiagnosticDescriptor(
            "EMR0003",
            "String does not match the pattern",
            "{0}",
            Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "The string has characters or a form the spec does not allow.",
            helpLinkUri: HelpBase + "emr0003");

        public static readonly DiagnosticDescriptor Range = new DiagnosticDescriptor(
            "EMR0004",
            "Number outside the allowed range",
            "{0}",
            Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "The number is below the spec's minimum or above its maximum.",
            helpLinkUri: HelpBase + "emr0004");

        public static readonly DiagnosticDescriptor OutsideOpenEnumeration = new DiagnosticDescriptor(
            "EMR0007",
            "Value the spec does not list",
            "{0}",
            Category,
            DiagnosticSeverity.Info,
            isEnabledByDefault: true,
            description: "The enumeration is open: the server may accept values the spec does not list, so this is not an error.",
            helpLinkUri: HelpBase + "emr0007");

        public static readonly DiagnosticDescriptor ItemCount = new DiagnosticDescriptor(
            "EMR0005",
            "Too many or too few items",
            "{0}",
            Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "The list holds more or fewer items than the spec allows.",
            helpLinkUri: HelpBase + "emr0005");

        public static readonly DiagnosticDescriptor NotAllowed = new DiagnosticDescriptor(
            "EMR0006",
            "Value not allowed",
            "{0}",
            Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "The value is not among the spec's allowed values.",
            helpLinkUri: HelpBase + "emr0006");

        public static readonly DiagnosticDescriptor RuleError = new DiagnosticDescriptor(
            "EMR0010",
            "Members break a rule of the API",
            "{0}",
            Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "The members' values together break a rule of the spec; the server rejects the request with the error code named.",
            helpLinkUri: HelpBase + "emr0010");

        public static readonly DiagnosticDescriptor RuleWarning = new DiagnosticDescriptor(
            "EMR0011",
            "A setting has no effect",
            "{0}",
            Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "The members' values together make a setting ineffective, as a rule of the spec says; the server accepts the request.",
            helpLinkUri: HelpBase + "emr0011");

        public static readonly DiagnosticDescriptor RuleInfo = new DiagnosticDescriptor(
            "EMR0012",
            "A rule of the API comments on the members",
            "{0}",
            Category,
            DiagnosticSeverity.Info,
            isEnabledByDefault: true,
            description: "A rule of the spec marked informational applies to these values.",
            helpLinkUri: HelpBase + "emr0012");

        public static DiagnosticDescriptor ForProblem(ProblemKind kind) => kind switch
        {
            ProblemKind.Enumeration => NotInEnumeration,
            ProblemKind.OpenEnumeration => OutsideOpenEnumeration,
            ProblemKind.Length => Length,
            ProblemKind.Pattern => Pattern,
            ProblemKind.Range => Range,
            ProblemKind.ItemCount => ItemCount,
            ProblemKind.AllowedValues => NotAllowed,
            _ => ForRule(RuleSeverity.Error),
        };

        public static DiagnosticDescriptor ForRule(RuleSeverity severity) => severity switch
        {
            RuleSeverity.Error => RuleError,
            RuleSeverity.Warning => RuleWarning,
            _ => RuleInfo,
        };
    }
}
