"""Value types with parse / normalize / compare: dates, quantities, places, names."""
