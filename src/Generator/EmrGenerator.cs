using System;
using System.Collections.Immutable;
using System.Linq;
using Emr.Codegen.Generator.Emit;
using Emr.Codegen.Spec;
using Emr.Codegen.Spec.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Emr.Codegen.Generator
{
    /// <summary>
    /// Turns API spec files (AdditionalFiles with the metadata <c>EmrSpec="true"</c>) into C# types.
    /// Pipeline: spec texts -> merged, validated model -> one model per generated file -> source.
    /// Spec problems go out through their own step, so they never block or invalidate generated code.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class EmrGenerator : IIncrementalGenerator
    {
        /// <summary>The MSBuild item metadata that marks an AdditionalFile as a spec.</summary>
        public const string SpecMetadataKey = "build_metadata.AdditionalFiles.EmrSpec";

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            IncrementalValuesProvider<SpecSource> specFiles = context.AdditionalTextsProvider
                .Combine(context.AnalyzerConfigOptionsProvider)
                .Where(pair => pair.Right.GetOptions(pair.Left).TryGetValue(SpecMetadataKey, out string? value) && string.Equals(value, "true", StringComparison.OrdinalIgnoreCase))
                .Select((pair, cancellationToken) => new SpecSource(pair.Left.Path, pair.Left.GetText(cancellationToken)?.ToString() ?? string.Empty))
                .WithTrackingName(TrackingNames.SpecFiles);

            IncrementalValueProvider<SpecReadResult> read = specFiles
                .Collect()
                .Select((files, _) => SpecReader.Read(files))
                .WithTrackingName(TrackingNames.SpecRead);

            IncrementalValueProvider<EquatableArray<SpecDiagnostic>> diagnostics = read
                .Select((result, _) => result.Diagnostics)
                .WithTrackingName(TrackingNames.SpecDiagnostics);

            IncrementalValuesProvider<FileModel> files = read
                .Select((result, _) => result.Model)
                .WithTrackingName(TrackingNames.SpecModel)
                .SelectMany((model, _) => FileModel.Plan(model).ToImmutableArray())
                .WithTrackingName(TrackingNames.FileModels);

            context.RegisterSourceOutput(diagnostics, ReportDiagnostics);
            context.RegisterSourceOutput(files, (production, file) => production.AddSource(file.HintName, SourceText.From(Emit(file), System.Text.Encoding.UTF8)));
        }

        internal static string Emit(FileModel file) => file switch
        {
            ObjectFileModel model => ObjectEmitter.Emit(model),
            EnumFileModel model => EnumEmitter.Emit(model),
            ErrorCodesFileModel model => ErrorCodeEmitter.Emit(model),
            MetadataFileModel model => MetadataEmitter.Emit(model),
            JsonResolverFileModel model => JsonResolverEmitter.Emit(model),
            HelpersFileModel model => HelpersEmitter.Emit(model),
            RuleEngineFileModel model => RuleEngineEmitter.Emit(model),
            ClientRuntimeFileModel model => ClientRuntimeEmitter.Emit(model),
            ClientFileModel model => ClientEmitter.Emit(model),
            _ => throw new InvalidOperationException("Unknown file model " + file.GetType().Name),
        };

        private static void ReportDiagnostics(SourceProductionContext context, EquatableArray<SpecDiagnostic> diagnostics)
        {
            foreach (SpecDiagnostic diagnostic in diagnostics)
            {
                var position = new LinePosition(diagnostic.Line, diagnostic.Column);
                Location location = Location.Create(diagnostic.FilePath, new TextSpan(diagnostic.Offset, 0), new LinePositionSpan(position, position));
                context.ReportDiagnostic(Diagnostic.Create(SpecDiagnosticDescriptors.ById[diagnostic.Id], location, diagnostic.Message));
            }
        }
    }

    /// <summary>Names of the pipeline steps, for caching tests.</summary>
    public static class TrackingNames
    {
        public const string SpecFiles = nameof(SpecFiles);
        public const string SpecRead = nameof(SpecRead);
        public const string SpecDiagnostics = nameof(SpecDiagnostics);
        public const string SpecModel = nameof(SpecModel);
        public const string FileModels = nameof(FileModels);
    }
}
