namespace SpineDesk.Clinical.RedFlags;

/// <summary>The conditions the red-flag screen looks for (DESIGN.md §4.2).</summary>
public enum RedFlagCategory
{
    /// <summary>Possible cauda equina syndrome: always an emergency.</summary>
    PossibleCaudaEquina,

    /// <summary>Possible spinal cord compression or cancer: emergency with neurological symptoms, else urgent.</summary>
    PossibleCordCompressionOrCancer,

    /// <summary>Possible spinal infection: urgent.</summary>
    PossibleInfection,

    /// <summary>Possible fracture: urgent.</summary>
    PossibleFracture,

    /// <summary>Possible inflammatory disease (for example axial spondyloarthritis): routine, with a note for the clinician.</summary>
    PossibleInflammatoryDisease,
}
