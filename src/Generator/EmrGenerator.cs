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
    /// Pipeline: spec texts -> merged, validated model -> the part the MSBuild settings select -> one model per generated file -> source.
    /// Spec problems go out through their own step, so they never block or invalidate generated code.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class EmrGenerator : IIncrementalGenerator
    {
        /// <summary>The MSBuild item metadata that marks an AdditionalFile as a spec.</summary>
        public const string SpecMetadataKey = "build_metadata.AdditionalFiles.EmrSpec";

        /// <summary>The MSBuild property (from the <c>EmrAction</c> items) that names the actions to generate, comma-separated.</summary>
        public const string ActionsProperty = "build_property.EmrCodegenActions";

        /// <summary>The MSBuild property that makes every generated type <c>public</c> (default) or <c>internal</c>.</summary>
        public const string VisibilityProperty = "build_property.EmrCodegenVisibility";

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            IncrementalValuesProvider<SpecSource> specFiles = context.AdditionalTextsProvider
                .Combine(context.AnalyzerConfigOptionsProvider)
                .Where(pair => pair.Right.GetOptions(pair.Left).TryGetValue(SpecMetadataKey, out string? value) && string.Equals(value, "true", StringComparison.OrdinalIgnoreCase))
                .Select((pair, cancellationToken) => new SpecSource(pair.Left.Path, pair.Left.GetText(cancellationToken)?.ToString() ?? string.Empty))
                .WithTrackingName(TrackingNames.SpecFiles);

            IncrementalValueProvider<ImmutableArray<SpecSource>> collected = specFiles.Collect();
            IncrementalValueProvider<SpecReadResult> read = collected
                .Select((files, _) => SpecReader.Read(files))
                .WithTrackingName(TrackingNames.SpecRead);

            IncrementalValueProvider<GeneratorSettings> settings = context.AnalyzerConfigOptionsProvider
                .Select((options, _) => GeneratorSettings.From(options.GlobalOptions))
                .WithTrackingName(TrackingNames.Settings);

            IncrementalValueProvider<EquatableArray<SpecDiagnostic>> diagnostics = read
                .Select((result, _) => result.Diagnostics)
                .WithTrackingName(TrackingNames.SpecDiagnostics);

            IncrementalValueProvider<EquatableArray<SpecDiagnostic>> settingsDiagnostics = collected
                .Combine(read)
                .Combine(settings)
                .Select((input, _) => input.Right.Check(input.Left.Left, input.Left.Right.Model).ToEquatableArray())
                .WithTrackingName(TrackingNames.SettingsDiagnostics);

            IncrementalValueProvider<SpecModel?> model = read
                .Select((result, _) => result.Model)
                .WithTrackingName(TrackingNames.SpecModel);

            // A referenced assembly that already holds the spec's types (a library this project uses) is where they
            // come from: generating them again would give every type twice. Only this answer is kept, so an edit
            // elsewhere in the compilation leaves the steps after it cached.
            IncrementalValueProvider<bool> providedByReference = model
                .Select((spec, _) => spec?.Namespace)
                .Combine(context.CompilationProvider)
                .Select((input, cancellationToken) => IsProvidedByReference(input.Right, input.Left))
                .WithTrackingName(TrackingNames.ReferencedTypes);

            // The runtime the build binds, by version: like the answer above, a small value, so other edits stay cached.
            IncrementalValueProvider<RuntimeReference> runtime = context.CompilationProvider
                .Select((compilation, _) => RuntimeReference.Of(compilation))
                .WithTrackingName(TrackingNames.RuntimeReference);

            IncrementalValueProvider<HostingSupport> hosting = context.CompilationProvider
                .Select((compilation, _) => HostingSupport.Of(compilation))
                .WithTrackingName(TrackingNames.HostingSupport);

            IncrementalValueProvider<bool> generates = model
                .Combine(providedByReference)
                .Select((input, _) => input.Left != null && !input.Right);

            IncrementalValueProvider<EquatableArray<SpecDiagnostic>> runtimeDiagnostics = generates
                .Combine(runtime)
                .Select((input, _) => input.Right.Check(input.Left).ToEquatableArray())
                .WithTrackingName(TrackingNames.RuntimeDiagnostics);

            // Without the runtime of its own version the generated code would not compile: the error above says why, alone.
            IncrementalValuesProvider<FileModel> files = model
                .Combine(settings.Combine(hosting))
                .Combine(generates.Combine(runtime))
                .SelectMany((input, _) => input.Right.Left && input.Right.Right.Matches ? FileModel.Plan(input.Left.Left, input.Left.Right.Left, input.Left.Right.Right).ToImmutableArray() : ImmutableArray<FileModel>.Empty)
                .WithTrackingName(TrackingNames.FileModels);

            context.RegisterSourceOutput(diagnostics, ReportDiagnostics);
            context.RegisterSourceOutput(settingsDiagnostics, ReportDiagnostics);
            context.RegisterSourceOutput(runtimeDiagnostics, ReportDiagnostics);
            context.RegisterSourceOutput(files, (production, file) => production.AddSource(file.HintName, SourceText.From(Emit(file), System.Text.Encoding.UTF8)));
        }

        /// <summary>Whether an assembly this compilation references holds the generated types of the namespace, and this compilation may use them.</summary>
        internal static bool IsProvidedByReference(Compilation compilation, string? ns)
        {
            if (ns is null)
            {
                return false;
            }

            // Every spec generates its error-code type, which implements the runtime's IApiErrorCode: a type of that name
            // that does not is someone else's.
            string marker = ns + "." + GeneratedNames.ErrorCodeType;
            foreach (IAssemblySymbol assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                INamedTypeSymbol? type = assembly.GetTypeByMetadataName(marker);
                if (type != null && IsGeneratedErrorCode(type) && compilation.IsSymbolAccessibleWithin(type, compilation.Assembly))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsGeneratedErrorCode(INamedTypeSymbol type)
        {
            foreach (INamedTypeSymbol contract in type.AllInterfaces)
            {
                if (contract.Name == "IApiErrorCode" && contract.ContainingNamespace.ToDisplayString() == GeneratedNames.RuntimeNamespace)
                {
                    return true;
                }
            }

            return false;
        }

        internal static string Emit(FileModel file) => file switch
        {
            ObjectFileModel model => ObjectEmitter.Emit(model),
            EnumFileModel model => EnumEmitter.Emit(model),
            ErrorCodesFileModel model => ErrorCodeEmitter.Emit(model),
            MetadataFileModel model => MetadataEmitter.Emit(model),
            JsonResolverFileModel model => JsonResolverEmitter.Emit(model),
            ClientFileModel model => ClientEmitter.Emit(model),
            DependencyInjectionFileModel model => DependencyInjectionEmitter.Emit(model),
            _ => throw new InvalidOperationException("Unknown file model " + file.GetType().Name),
        };

        private static void ReportDiagnostics(SourceProductionContext context, EquatableArray<SpecDiagnostic> diagnostics)
        {
            foreach (SpecDiagnostic diagnostic in diagnostics)
            {
                var position = new LinePosition(diagnostic.Line, diagnostic.Column);
                Location location = diagnostic.FilePath.Length == 0
                    ? Location.None
                    : Location.Create(diagnostic.FilePath, new TextSpan(diagnostic.Offset, 0), new LinePositionSpan(position, position));
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
        public const string Settings = nameof(Settings);
        public const string SettingsDiagnostics = nameof(SettingsDiagnostics);
        public const string ReferencedTypes = nameof(ReferencedTypes);
        public const string RuntimeReference = nameof(RuntimeReference);
        public const string RuntimeDiagnostics = nameof(RuntimeDiagnostics);
        public const string HostingSupport = nameof(HostingSupport);
    }
}
