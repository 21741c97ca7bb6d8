using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Emr.Codegen.Analyzers
{
    /// <summary>
    /// Checks values given to generated API types against the spec they carry: single values where they are
    /// assigned, cross-member rules on whole requests as the flow of each method builds them.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RequestAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.NotInEnumeration,
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
                start.RegisterOperationAction(c => AnalyzeAssignment(c, catalog), OperationKind.SimpleAssignment);
                start.RegisterOperationAction(c => AnalyzeCreation(c, catalog), OperationKind.ObjectCreation);
                start.RegisterOperationBlockAction(c => AnalyzeBlock(c, catalog));
            });
        }

        private static void AnalyzeAssignment(OperationAnalysisContext context, SpecTypeCatalog catalog)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is IPropertyReferenceOperation target && catalog.Get(target.Property.ContainingType) is SpecObjectInfo owner)
            {
                Checks.CheckAssignment(target.Property, assignment.Value, owner, context.ReportDiagnostic);
            }
        }

        /// <summary>A request created and used in place (an argument, a return value) is judged where it is created.</summary>
        private static void AnalyzeCreation(OperationAnalysisContext context, SpecTypeCatalog catalog)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (catalog.Get(creation.Type) is not SpecObjectInfo info || IsFollowedElsewhere(creation))
            {
                return;
            }

            Checks.CheckRules(ValueReader.ReadCreation(creation, info, catalog, null), Deduplicating(context.ReportDiagnostic));
        }

        /// <summary>Whether the flow analysis (a local) or the enclosing initializer judges this creation.</summary>
        private static bool IsFollowedElsewhere(IObjectCreationOperation creation)
        {
            IOperation? parent = creation.Parent;
            while (parent is IConversionOperation or IParenthesizedOperation)
            {
                parent = parent.Parent;
            }

            return parent switch
            {
                IVariableInitializerOperation => true,
                ISimpleAssignmentOperation { Target: ILocalReferenceOperation } => true,
                ISimpleAssignmentOperation { Parent: IObjectOrCollectionInitializerOperation } => true,
                _ => false,
            };
        }

        private static void AnalyzeBlock(OperationBlockAnalysisContext context, SpecTypeCatalog catalog)
        {
            Action<Diagnostic> report = Deduplicating(context.ReportDiagnostic);
            foreach (IOperation block in context.OperationBlocks)
            {
                FlowWalker.Analyze(block, catalog, report);
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
