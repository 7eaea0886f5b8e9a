"""foilog: the record model, validation and shared helpers behind the disclosure log plugins."""
