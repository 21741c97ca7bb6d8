using System.Collections.Concurrent;
using System.Linq;
using Emr.Codegen.Runtime;
using Emr.Codegen.Spec;
using Microsoft.CodeAnalysis;

namespace Emr.Codegen.Analyzers
{
    /// <summary>
    /// Every diagnostic the analyzers report. Messages come from the spec; IDs are stable. The help link is empty unless
    /// the spec names its API's documentation (metadata.documentation), which <see cref="WithHelpLink"/> puts in.
    /// </summary>
    internal static class Descriptors
    {
        public const string Category = "EmrApi";

        // One descriptor per (ID, address): equal descriptors keep the analyzer driver's caches small.
        private static readonly ConcurrentDictionary<(string Id, string Url), DiagnosticDescriptor> WithHelpLinks = new ConcurrentDictionary<(string Id, string Url), DiagnosticDescriptor>();

        public static readonly DiagnosticDescriptor NotInEnumeration = new DiagnosticDescriptor(
            "EMR0001",
            "Value outside the enumeration",
            "{0}",
            Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "The value is not one the spec's enumeration names; the server rejects it.",
            helpLinkUri: string.Empty);

        public static readonly DiagnosticDescriptor Length = new DiagnosticDescriptor(
            "EMR0002",
            "String length outside the allowed range",
            "{0}",
            Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "The string is shorter or longer than the spec allows.",
            helpLinkUri: string.Empty);

        public static readonly DiagnosticDescriptor Pattern = new DiagnosticDescriptor(
            "EMR0003",
            "String does not match the pattern",
            "{0}",
            Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "The string has characters or a form the spec does not allow.",
            helpLinkUri: string.Empty);

        public static readonly DiagnosticDescriptor Range = new DiagnosticDescriptor(
            "EMR0004",
            "Number outside the allowed range",
            "{0}",
            Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "The number is below the spec's minimum or above its maximum.",
            helpLinkUri: string.Empty);

        public static readonly DiagnosticDescriptor OutsideOpenEnumeration = new DiagnosticDescriptor(
            "EMR0007",
            "Value the spec does not list",
            "{0}",
            Category,
            DiagnosticSeverity.Info,
            isEnabledByDefault: true,
            description: "The enumeration is open: the server may accept values the spec does not list, so this is not an error.",
            helpLinkUri: string.Empty);

        public static readonly DiagnosticDescriptor ItemCount = new DiagnosticDescriptor(
            "EMR0005",
            "Too many or too few items",
            "{0}",
            Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "The list holds more or fewer items than the spec allows.",
            helpLinkUri: string.Empty);

        public static readonly DiagnosticDescriptor NotAllowed = new DiagnosticDescriptor(
            "EMR0006",
            "Value not allowed",
            "{0}",
            Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "The value is not among the spec's allowed values.",
            helpLinkUri: string.Empty);

        public static readonly DiagnosticDescriptor RuleError = new DiagnosticDescriptor(
            "EMR0010",
            "Members break a rule of the API",
            "{0}",
            Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "The members' values together break a rule of the spec; the server rejects the request with the error code named.",
            helpLinkUri: string.Empty);

        public static readonly DiagnosticDescriptor RuleWarning = new DiagnosticDescriptor(
            "EMR0011",
            "A setting has no effect",
            "{0}",
            Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "The members' values together make a setting ineffective, as a rule of the spec says; the server accepts the request.",
            helpLinkUri: string.Empty);

        public static readonly DiagnosticDescriptor RuleInfo = new DiagnosticDescriptor(
            "EMR0012",
            "A rule of the API comments on the members",
            "{0}",
            Category,
            DiagnosticSeverity.Info,
            isEnabledByDefault: true,
            description: "A rule of the spec marked informational applies to these values.",
            helpLinkUri: string.Empty);

        /// <summary>
        /// <paramref name="descriptor"/> itself when <paramref name="url"/> is null or empty; otherwise a descriptor equal
        /// to it but for its help link, <paramref name="url"/>.
        /// </summary>
        internal static DiagnosticDescriptor WithHelpLink(DiagnosticDescriptor descriptor, string? url)
        {
            if (url is null || url.Length == 0 || descriptor.HelpLinkUri == url)
            {
                return descriptor;
            }

            return WithHelpLinks.GetOrAdd((descriptor.Id, url), key => new DiagnosticDescriptor(
                descriptor.Id,
                descriptor.Title,
                descriptor.MessageFormat,
                descriptor.Category,
                descriptor.DefaultSeverity,
                descriptor.IsEnabledByDefault,
                descriptor.Description,
                key.Url,
                descriptor.CustomTags.ToArray()));
        }

        public static DiagnosticDescriptor ForProblem(ApiValidationProblemKind kind) => kind switch
        {
            ApiValidationProblemKind.Enumeration => NotInEnumeration,
            ApiValidationProblemKind.OpenEnumeration => OutsideOpenEnumeration,
            ApiValidationProblemKind.Length => Length,
            ApiValidationProblemKind.Pattern => Pattern,
            ApiValidationProblemKind.Range => Range,
            ApiValidationProblemKind.ItemCount => ItemCount,
            ApiValidationProblemKind.AllowedValues => NotAllowed,
            _ => ForRule(ApiValidationSeverity.Error),
        };

        public static DiagnosticDescriptor ForRule(ApiValidationSeverity severity) => severity switch
        {
            ApiValidationSeverity.Error => RuleError,
            ApiValidationSeverity.Warning => RuleWarning,
            _ => RuleInfo,
        };
    }
}
