using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Emr.Codegen.Analyzers
{
    /// <summary>
    /// Checks values given to generated API types against the spec they carry: single values where they are
    /// given, cross-member rules on whole requests as each body builds them. It reads syntax and resolves only
    /// type and constant names, so it adds little to a build.
    /// </summary>
    [DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
    public sealed class RequestAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.NotInEnumeration,
            Descriptors.OutsideOpenEnumeration,
            Descriptors.Length,
            Descriptors.Pattern,
            Descriptors.Range,
            Descriptors.ItemCount,
            Descriptors.NotAllowed,
            Descriptors.RuleError,
            Descriptors.RuleWarning,
            Descriptors.RuleInfo);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var catalog = new SpecTypeCatalog();
                start.RegisterSemanticModelAction(c => AnalyzeTree(c.SemanticModel, catalog, c.ReportDiagnostic, c.CancellationToken));
            });
        }

        /// <summary>The analyzer's whole work on one file (the benchmarks call it directly to measure it).</summary>
        internal static void AnalyzeTree(SemanticModel model, SpecTypeCatalog catalog, Action<Diagnostic> reportDiagnostic, System.Threading.CancellationToken cancellationToken)
        {
            var values = new SyntaxValues(model, catalog);
            Action<Diagnostic> report = Deduplicating(reportDiagnostic);
            SyntaxNode root = model.SyntaxTree.GetRoot(cancellationToken);
            if (root is CompilationUnitSyntax unit && unit.Members.OfType<GlobalStatementSyntax>().Any())
            {
                FlowWalker.Analyze(unit, values, model, report);
            }

            foreach (SyntaxNode body in Bodies(root))
            {
                cancellationToken.ThrowIfCancellationRequested();
                FlowWalker.Analyze(body, values, model, report);
            }
        }

        /// <summary>Every body of code outside other bodies: members, accessors, initializers.</summary>
        private static IEnumerable<SyntaxNode> Bodies(SyntaxNode root)
        {
            foreach (SyntaxNode node in root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax or BasePropertyDeclarationSyntax or AccessorListSyntax or BaseFieldDeclarationSyntax or VariableDeclarationSyntax))
            {
                switch (node)
                {
                    case BaseMethodDeclarationSyntax method when ((SyntaxNode?)method.Body ?? method.ExpressionBody) is { } methodBody:
                        yield return methodBody;
                        break;
                    case AccessorDeclarationSyntax accessor when ((SyntaxNode?)accessor.Body ?? accessor.ExpressionBody) is { } accessorBody:
                        yield return accessorBody;
                        break;
                    case PropertyDeclarationSyntax { ExpressionBody: { } propertyBody }:
                        yield return propertyBody;
                        break;
                    case PropertyDeclarationSyntax { Initializer: { } propertyInitializer }:
                        yield return propertyInitializer.Value;
                        break;
                    case VariableDeclaratorSyntax { Initializer: { } fieldInitializer }:
                        yield return fieldInitializer.Value;
                        break;
                }
            }
        }

        /// <summary>A request judged at several exits on the same values is reported once.</summary>
        private static Action<Diagnostic> Deduplicating(Action<Diagnostic> report)
        {
            var seen = new HashSet<(string, Location, string)>();
            return diagnostic =>
            {
                if (seen.Add((diagnostic.Id, diagnostic.Location, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture))))
                {
                    report(diagnostic);
                }
            };
        }
    }
}
