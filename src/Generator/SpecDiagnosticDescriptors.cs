using System.Collections.Generic;
using Emr.Codegen.Spec;
using Microsoft.CodeAnalysis;

namespace Emr.Codegen.Generator
{
    /// <summary>The descriptors of spec problems; the ids and messages come from the spec reader.</summary>
    internal static class SpecDiagnosticDescriptors
    {
        public const string Category = "EmrSpec";
        // No public page documents these diagnostics yet; a link to one that does not exist would mislead.
        public const string HelpLink = "";
        private const string Description = "The spec file has a problem, reported at its line and column. The parts of the spec that are valid are still generated.";

        public static readonly DiagnosticDescriptor InvalidJson = new DiagnosticDescriptor(
            SpecDiagnosticIds.InvalidJson,
            "The spec file is not valid JSON",
            "{0}",
            Category,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: Description,
            helpLinkUri: HelpLink);

        public static readonly DiagnosticDescriptor InvalidStructure = new DiagnosticDescriptor(
            SpecDiagnosticIds.InvalidStructure,
            "The spec has a value of the wrong shape",
            "{0}",
            Category,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: Description,
            helpLinkUri: HelpLink);

        public static readonly DiagnosticDescriptor UnknownType = new DiagnosticDescriptor(
            SpecDiagnosticIds.UnknownType,
            "The spec names a type it does not define",
            "{0}",
            Category,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: Description,
            helpLinkUri: HelpLink);

        public static readonly DiagnosticDescriptor DuplicateName = new DiagnosticDescriptor(
            SpecDiagnosticIds.DuplicateName,
            "The spec defines a name twice",
            "{0}",
            Category,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: Description,
            helpLinkUri: HelpLink);

        public static readonly DiagnosticDescriptor WrongValueType = new DiagnosticDescriptor(
            SpecDiagnosticIds.WrongValueType,
            "A spec value has the wrong type",
            "{0}",
            Category,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: Description,
            helpLinkUri: HelpLink);

        public static readonly DiagnosticDescriptor UnknownMember = new DiagnosticDescriptor(
            SpecDiagnosticIds.UnknownMember,
            "A rule names a member that does not exist",
            "{0}",
            Category,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: Description,
            helpLinkUri: HelpLink);

        public static readonly DiagnosticDescriptor InvalidPattern = new DiagnosticDescriptor(
            SpecDiagnosticIds.InvalidPattern,
            "A pattern is not a valid regular expression",
            "{0}",
            Category,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: Description,
            helpLinkUri: HelpLink);

        public static readonly DiagnosticDescriptor InvalidName = new DiagnosticDescriptor(
            SpecDiagnosticIds.InvalidName,
            "A spec name is not a valid C# name",
            "{0}",
            Category,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: Description,
            helpLinkUri: HelpLink);

        public static readonly DiagnosticDescriptor UnknownAction = new DiagnosticDescriptor(
            SettingsDiagnosticIds.UnknownAction,
            "An EmrAction item names an action the spec does not define",
            "{0}",
            Category,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "Every name in the project's EmrAction items must be an action of the spec. The diagnostic is located at the spec's actions.",
            helpLinkUri: HelpLink);

        public static readonly DiagnosticDescriptor InvalidVisibility = new DiagnosticDescriptor(
            SettingsDiagnosticIds.InvalidVisibility,
            "EmrCodegenVisibility is neither public nor internal",
            "{0}",
            Category,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "The MSBuild property EmrCodegenVisibility makes every generated type public (the default) or internal.",
            helpLinkUri: HelpLink);

        public static readonly DiagnosticDescriptor RuntimeMissing = new DiagnosticDescriptor(
            RuntimeDiagnosticIds.RuntimeMissing,
            "The project generates API types without Emr.Codegen.Runtime",
            "{0}",
            Category,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "Generated types are data over the Emr.Codegen.Runtime library, which the Emr.Codegen package carries in lib/net8.0. A project that generates types must reference it; nothing is generated until it does.",
            helpLinkUri: HelpLink);

        public static readonly DiagnosticDescriptor RuntimeMismatch = new DiagnosticDescriptor(
            RuntimeDiagnosticIds.RuntimeMismatch,
            "The build binds another version of Emr.Codegen.Runtime than the generator's",
            "{0}",
            Category,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "The generator writes code for the runtime of its own version; an older or newer runtime may lack what that code calls. Nothing is generated until the versions agree.",
            helpLinkUri: HelpLink);

        public static readonly IReadOnlyDictionary<string, DiagnosticDescriptor> ById = new Dictionary<string, DiagnosticDescriptor>
        {
            [SpecDiagnosticIds.InvalidJson] = InvalidJson,
            [SpecDiagnosticIds.InvalidStructure] = InvalidStructure,
            [SpecDiagnosticIds.UnknownType] = UnknownType,
            [SpecDiagnosticIds.DuplicateName] = DuplicateName,
            [SpecDiagnosticIds.WrongValueType] = WrongValueType,
            [SpecDiagnosticIds.UnknownMember] = UnknownMember,
            [SpecDiagnosticIds.InvalidPattern] = InvalidPattern,
            [SpecDiagnosticIds.InvalidName] = InvalidName,
            [SettingsDiagnosticIds.UnknownAction] = UnknownAction,
            [SettingsDiagnosticIds.InvalidVisibility] = InvalidVisibility,
            [RuntimeDiagnosticIds.RuntimeMissing] = RuntimeMissing,
            [RuntimeDiagnosticIds.RuntimeMismatch] = RuntimeMismatch,
        };
    }
}
