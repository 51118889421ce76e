// FootageCatalog
