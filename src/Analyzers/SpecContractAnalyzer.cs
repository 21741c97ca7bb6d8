using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using Emr.Codegen.Spec;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Emr.Codegen.Analyzers
{
    /// <summary>
    /// The contract between the generator and these analyzers is the spec fragment each generated type carries, with its
    /// version. A type whose fragment is newer than these analyzers read, or cannot be read at all (a damaged or foreign
    /// assembly), would go unchecked in silence: where code creates one, this says so, once per place.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SpecContractAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.NewerFragment, Descriptors.UnreadableFragment);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var catalog = new SpecTypeCatalog();
                var verdicts = new ConcurrentDictionary<ITypeSymbol, (bool Newer, string Reason)?>(SymbolEqualityComparer.Default);
                start.RegisterOperationAction(
                    c =>
                    {
                        if (c.Operation is IObjectCreationOperation { Type: INamedTypeSymbol type } creation
                            && verdicts.GetOrAdd(type, t => Problem(t, catalog)) is { } problem)
                        {
                            c.ReportDiagnostic(Diagnostic.Create(problem.Newer ? Descriptors.NewerFragment : Descriptors.UnreadableFragment, creation.Syntax.GetLocation(), type.Name, problem.Reason));
                        }
                    },
                    OperationKind.ObjectCreation);
            });
        }

        /// <summary>What is wrong with a type's fragment, and why, or null when nothing is.</summary>
        private static (bool Newer, string Reason)? Problem(ITypeSymbol type, SpecTypeCatalog catalog)
        {
            foreach (AttributeData attribute in type.GetAttributes())
            {
                if (!SpecTypeCatalog.IsSpecMetadata(attribute))
                {
                    continue;
                }

                if (attribute.ConstructorArguments.Length == 2 && attribute.ConstructorArguments[1].Value is int version && version > GeneratedNames.FragmentVersion)
                {
                    return (true, "fragment version " + version.ToString(CultureInfo.InvariantCulture) + "; these analyzers read up to version " + GeneratedNames.FragmentVersion.ToString(CultureInfo.InvariantCulture));
                }

                if (SpecTypeCatalog.FragmentOf(attribute) is null)
                {
                    return (false, "its metadata attribute does not carry a fragment and its version");
                }

                return catalog.Get(type) is null
                    ? (false, "the fragment is not a spec that defines " + type.Name)
                    : null;
            }

            return null;
        }
    }
}
