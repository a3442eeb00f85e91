"""The site's logic, independent of the engine that builds it: data, rules, rendering and checks."""
